using System.Net;
using System.Net.Http.Headers;
using Wallboard.Server.Alerts.Delivery;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class RetryPolicyTests
{
    private static readonly DeliveryOptions Options = new()
    {
        FirstRetryDelay = TimeSpan.FromSeconds(2),
        MaxRetryDelay = TimeSpan.FromSeconds(60),
        MaxRetryAfter = TimeSpan.FromMinutes(10),
    };

    [Theory]
    [InlineData(1, 0.0, 1000)]
    [InlineData(1, 1.0, 2000)]
    [InlineData(2, 0.0, 2000)]
    [InlineData(3, 0.5, 6000)]
    [InlineData(5, 1.0, 32000)]
    [InlineData(6, 0.0, 30000)]
    [InlineData(6, 1.0, 60000)]
    [InlineData(40, 1.0, 60000)]
    public void Backoff_AfterFailures_DoublesWithEqualJitterUpToTheCap(int failures, double jitter, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryPolicy.Backoff(failures, Options.FirstRetryDelay, Options.MaxRetryDelay, jitter));
    }

    [Fact]
    public void RetryAfter_Seconds_IsThatLong()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetryPolicy.RetryAfter(RetryConditionHeaderValue.Parse("120"), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsTheTimeUntilThen()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(90), RetryPolicy.RetryAfter(RetryConditionHeaderValue.Parse("Mon, 23 Nov 2026 09:01:30 GMT"), now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(RetryConditionHeaderValue.Parse("Mon, 23 Nov 2026 08:59:00 GMT"), now));
        Assert.Null(RetryPolicy.RetryAfter(null, now));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 7000)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 7000)]
    [InlineData(HttpStatusCode.InternalServerError, 2000)]
    public void NextDelay_RetryAfterOn429And503_IsHonouredElseBackoff(HttpStatusCode status, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryPolicy.NextDelay(2, status, TimeSpan.FromSeconds(7), Options, jitter: 0));
    }

    [Fact]
    public void NextDelay_RetryAfterBeyondTheCap_IsCapped()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), RetryPolicy.NextDelay(1, HttpStatusCode.TooManyRequests, TimeSpan.FromHours(3), Options, jitter: 0));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void IsTransient_Status_RetriesOnlyWhatCanPass(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, RetryPolicy.IsTransient(status));
    }
}
