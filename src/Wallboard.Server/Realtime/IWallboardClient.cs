namespace Wallboard.Server.Realtime;

/// <summary>What the server calls on board clients (JavaScript: <c>connection.on("kpisChanged", …)</c>).</summary>
internal interface IWallboardClient
{
    /// <summary>Changed values of the client's subscription (or all of it after a resync).</summary>
    Task KpisChanged(KpiUpdate update);

    /// <summary>The agents of the client's agent subscription, after any of them changed state.</summary>
    Task AgentsChanged(Agents.AgentsPayload update);

    /// <summary>An alert fired, changed severity, was acknowledged, lost or regained its data, or resolved.</summary>
    Task AlertChanged(Alerts.AlertChangePayload change);

    /// <summary>The board configuration changed: fetch <c>/api/v1/boards</c> again.</summary>
    Task BoardsChanged();

    /// <summary>The server's health changed: values may be stale while the event log is unavailable.</summary>
    Task StatusChanged(BoardStatus status);
}
