using System.Text.Json.Serialization;

namespace Wallboard.LoadTest;

/// <summary>
/// A <c>kpisChanged</c> push (or the <c>Subscribe</c> answer) as far as the probe needs it: each row's scope,
/// window and <c>offered</c>. Read by <see cref="KpiUpdateMessageConverter"/>, which skips everything else.
/// </summary>
[JsonConverter(typeof(KpiUpdateMessageConverter))]
internal sealed record KpiUpdateMessage(IReadOnlyList<KpiRowMessage> Rows);
