namespace Wallboard.Engine.Kpis;

/// <summary>A threshold level: the value breaches it when above <see cref="Above"/> or below <see cref="Below"/>.</summary>
public sealed record ThresholdLevel(double? Above, double? Below)
{
    public static ThresholdLevel GreaterThan(double value) => new(value, null);

    public static ThresholdLevel LessThan(double value) => new(null, value);

    public bool IsBreachedBy(double value) => value > Above || value < Below;
}
