namespace Wallboard.Engine.Alerts;

/// <summary>How bad a breach is; critical outranks warning.</summary>
public enum AlertSeverity
{
    Warning,
    Critical,
}
