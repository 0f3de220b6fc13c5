using Wallboard.Engine.Alerts;

namespace Wallboard.Server.Alerts;

/// <summary>Takes alert changes to the outside channels (webhook, Slack, Teams, PagerDuty). Must not block.</summary>
internal interface IAlertNotifier
{
    void Enqueue(IReadOnlyList<AlertChange> changes);
}
