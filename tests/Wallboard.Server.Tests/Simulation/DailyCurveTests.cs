using Wallboard.Server.Simulation;

namespace Wallboard.Server.Tests.Simulation;

public sealed class DailyCurveTests
{
    private static readonly double[] Hours = [.. Enumerable.Range(0, 24 * 60).Select(minute => minute / 60.0)];

    [Fact]
    public void At_LateMorning_IsThePeak()
    {
        Assert.Equal(1.0, DailyCurve.At(10.75));
        Assert.All(Hours, hour => Assert.True(DailyCurve.At(hour) <= 1.0));
    }

    [Fact]
    public void At_Night_StaysNearTheFloor()
    {
        Assert.All(Hours, hour => Assert.True(DailyCurve.At(hour) >= DailyCurve.Floor));
        Assert.InRange(DailyCurve.At(3), DailyCurve.Floor, DailyCurve.Floor + 0.001);
        Assert.InRange(DailyCurve.At(23), DailyCurve.Floor, DailyCurve.Floor + 0.01);
    }

    [Fact]
    public void At_Afternoon_PeaksAgainAfterALunchtimeDip()
    {
        Assert.True(DailyCurve.At(13) < DailyCurve.At(15));
        Assert.True(DailyCurve.At(15) < DailyCurve.At(10.75));
        Assert.True(DailyCurve.At(15) > 0.9);
        Assert.True(DailyCurve.At(8) < DailyCurve.At(10));
    }
}
