using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// A deterministic discrete-event model of a contact centre: given options, a seed, the site's time zone and
/// a start, it yields the events the centre's systems would send, as simulated time is advanced. It does no
/// I/O and reads no clock: the same inputs give the same events, however the time is advanced.
/// </summary>
internal sealed class SimulationModel
{
    /// <summary>The most simulated time one call catches up; beyond it the gap is skipped (after a pause, a stall).</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromMinutes(3);

    private readonly SimulationKernel _kernel;
    private readonly AgentFloor _floor;
    private readonly ContactFlow _contacts;
    private bool _closed;

    public SimulationModel(SimulatorOptions options, TimeZoneInfo siteTimeZone, DateTimeOffset start, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        _kernel = new SimulationKernel(seed, start, siteTimeZone);
        var queues = options.EffectiveQueues;
        var customers = new CustomerPool(_kernel.Random);
        var voice = new CustomerVoice(_kernel, options.SurveyShare, options.SelfServiceSessionsPerHour);
        var tickets = new TicketFlow(_kernel, customers, voice, options.TicketsPerHour);
        _contacts = new ContactFlow(_kernel, queues, customers, voice);
        _floor = new AgentFloor(_kernel, queues, options.Agents, options.EffectiveTeams, _contacts.TakeWork);
        Agents = _floor.Agents;

        // The start happens at the first instant; its draws come after the agents', in a fixed order.
        _kernel.At(0, () =>
        {
            _floor.Start();
            _contacts.Start(_floor);
            tickets.Start([.. Agents.Select(agent => agent.Id)]);
            voice.Start();
        });
    }

    public IReadOnlyList<SimulatedAgent> Agents { get; }

    /// <summary>The simulated instant reached so far.</summary>
    public DateTimeOffset Now => _kernel.Now;

    /// <summary>
    /// The events whose time has come by <paramref name="now"/>, in time order, none later than it. At most
    /// <see cref="MaxCatchUp"/> of simulated time is run per call; a longer gap is skipped.
    /// </summary>
    public IReadOnlyList<WallboardEvent> AdvanceTo(DateTimeOffset now) => _closed ? [] : _kernel.RunUntil(now, MaxCatchUp);

    /// <summary>
    /// Advances to <paramref name="now"/>, then closes the centre: waiting customers hang up and agents log off,
    /// so that a board fed by this run shows no contact waiting forever after it stops. Later calls yield nothing.
    /// </summary>
    public IReadOnlyList<WallboardEvent> Close(DateTimeOffset now)
    {
        if (_closed)
        {
            return [];
        }

        var events = new List<WallboardEvent>(AdvanceTo(now));
        _closed = true;
        _contacts.Close();
        _floor.Close();
        events.AddRange(_kernel.TakeEmitted());
        return events;
    }
}
