namespace Wallboard.Engine.Events;

/// <summary>The survey scales: CSAT 1–5, NPS 0–10, CES 1–7.</summary>
public enum SurveyKind
{
    Csat,
    Nps,
    Ces,
}
