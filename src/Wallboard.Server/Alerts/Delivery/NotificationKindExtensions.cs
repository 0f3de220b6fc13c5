using System.Globalization;

namespace Wallboard.Server.Alerts.Delivery;

internal static class NotificationKindExtensions
{
    /// <summary>The name in payloads and records: <c>fired</c>, <c>noData</c>, <c>unacknowledged</c>…</summary>
    public static string Wire(this NotificationKind kind)
    {
        var name = kind.ToString();
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
