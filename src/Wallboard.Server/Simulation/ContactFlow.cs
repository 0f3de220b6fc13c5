using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// Contacts from arrival to completion: Poisson arrivals per queue along the daily curve, a wait in the
/// queue until the longest idle skilled agent takes the contact or the customer's patience runs out,
/// talk and hold, then a transfer (to another queue, or an escalation) or wrap-up and completion.
/// </summary>
internal sealed class ContactFlow
{
    private const double ResolvedShare = 0.88;
    private const double HoldShare = 0.4;
    private const double QueueTransferShare = 0.7;
    private const double EscalationShare = 0.25;
    private const double UpsellOfferShare = 0.15;
    private const double UpsellAcceptShare = 0.3;
    private const double CancellationShare = 0.04;
    private const double SaveShare = 0.45;

    private readonly SimulationKernel _kernel;
    private readonly IReadOnlyList<QueueProfile> _queues;
    private readonly CustomerPool _customers;
    private readonly CustomerVoice _voice;
    private readonly Queue<(SimulatedContact Contact, int Wait)>[] _waiting;
    private AgentFloor? _floor;

    public ContactFlow(SimulationKernel kernel, IReadOnlyList<QueueProfile> queues, CustomerPool customers, CustomerVoice voice)
    {
        _kernel = kernel;
        _queues = queues;
        _customers = customers;
        _voice = voice;
        _waiting = [.. queues.Select(_ => new Queue<(SimulatedContact, int)>())];
    }

    private Random Random => _kernel.Random;

    private AgentFloor Floor => _floor ?? throw new InvalidOperationException("The contact flow has not started.");

    public void Start(AgentFloor floor)
    {
        _floor = floor;
        for (var queue = 0; queue < _queues.Count; queue++)
        {
            if (_queues[queue].PeakArrivalsPerHour > 0)
            {
                NextArrival(queue);
            }
        }
    }

    /// <summary>
    /// Gives a ready agent a waiting contact of its queues, false when none waits: the one whose wait is the
    /// largest share of its queue's mean patience, so impatient queues (VIP) go first and patient ones (SMS) wait.
    /// </summary>
    public bool TakeWork(SimulatedAgent agent)
    {
        Queue<(SimulatedContact Contact, int Wait)>? chosen = null;
        var chosenUrgency = double.NegativeInfinity;
        foreach (var queue in agent.Queues)
        {
            var line = _waiting[queue];
            while (line.TryPeek(out var stale) && (!stale.Contact.Waiting || stale.Contact.Wait != stale.Wait))
            {
                line.Dequeue();
            }

            if (line.TryPeek(out var head))
            {
                var urgency = (_kernel.NowMs - head.Contact.QueuedMs) / _queues[queue].MeanPatience.TotalMilliseconds;
                if (urgency > chosenUrgency)
                {
                    chosen = line;
                    chosenUrgency = urgency;
                }
            }
        }

        if (chosen is null)
        {
            return false;
        }

        Answer(chosen.Dequeue().Contact, agent);
        return true;
    }

    /// <summary>Every waiting customer hangs up (the simulator stops).</summary>
    public void Close()
    {
        foreach (var (contact, wait) in _waiting.SelectMany(line => line).OrderBy(entry => entry.Contact.QueuedMs))
        {
            if (contact.Waiting && contact.Wait == wait)
            {
                Abandon(contact);
            }
        }
    }

    // Thinning: candidates come at the peak rate and each is kept with the probability of the curve's value.
    private void NextArrival(int queue) =>
        _kernel.After(TimeSpan.FromHours(Random.Exponential(1 / _queues[queue].PeakArrivalsPerHour)), () =>
        {
            if (Random.Chance(_kernel.Load))
            {
                Enqueue(new SimulatedContact(_kernel.NewId("c"), _customers.Next()), queue);
            }

            NextArrival(queue);
        });

    private void Enqueue(SimulatedContact contact, int queue)
    {
        var profile = _queues[queue];
        contact.Queue = queue;
        contact.QueuedMs = _kernel.NowMs;
        contact.Waiting = true;
        var wait = ++contact.Wait;
        _kernel.Emit((id, ts) => new ContactQueued(id, ts, contact.Id, profile.Name, profile.Channel, contact.CustomerId));
        if (Floor.LongestIdle(queue) is { } agent)
        {
            Answer(contact, agent);
            return;
        }

        _waiting[queue].Enqueue((contact, wait));
        _kernel.After(Seconds(Random.Exponential(profile.MeanPatience.TotalSeconds)), () =>
        {
            if (contact.Waiting && contact.Wait == wait)
            {
                Abandon(contact);
            }
        });
    }

    private void Abandon(SimulatedContact contact)
    {
        contact.Waiting = false;
        _kernel.Emit((id, ts) => new ContactAbandoned(id, ts, contact.Id));
        _customers.Remember(contact.CustomerId, unhappy: true);
    }

    private void Answer(SimulatedContact contact, SimulatedAgent agent)
    {
        var profile = _queues[contact.Queue];
        var waitedMs = _kernel.NowMs - contact.QueuedMs;
        contact.Waiting = false;
        _kernel.Emit((id, ts) => new ContactAnswered(id, ts, contact.Id, agent.Id));
        Floor.SetBusy(agent);
        var talk = WholeSeconds(profile.MeanTalk.TotalSeconds);
        var hold = Random.Chance(HoldShare) ? WholeSeconds(profile.MeanHold.TotalSeconds / HoldShare) : 0;
        _kernel.After(Seconds(talk + hold), () =>
        {
            if (Random.Chance(profile.TransferShare))
            {
                Transfer(contact, agent, talk, hold, waitedMs);
            }
            else
            {
                WrapUp(contact, agent, talk, hold, waitedMs, Random.Chance(ResolvedShare));
            }
        });
    }

    // Most transfers go to another queue (same channel preferred) and wait there again; the rest are
    // escalated to a second tier that joins the conversation, after which the same agent finishes.
    private void Transfer(SimulatedContact contact, SimulatedAgent agent, double talk, double hold, long waitedMs)
    {
        contact.Transferred = true;
        var target = _queues.Count > 1 && Random.Chance(QueueTransferShare) ? TransferTarget(contact.Queue) : -1;
        if (target < 0)
        {
            _kernel.Emit((id, ts) => new ContactTransferred(id, ts, contact.Id, null, Escalation: true));
            var consult = WholeSeconds(_queues[contact.Queue].MeanTalk.TotalSeconds / 2);
            _kernel.After(Seconds(consult), () => WrapUp(contact, agent, talk + consult, hold, waitedMs, Random.Chance(ResolvedShare)));
            return;
        }

        var escalation = Random.Chance(EscalationShare);
        var toQueue = _queues[target].Name;
        _kernel.Emit((id, ts) => new ContactTransferred(id, ts, contact.Id, toQueue, escalation));
        Floor.SetWrapup(agent);
        var wrap = WholeSeconds(_queues[contact.Queue].MeanWrap.TotalSeconds / 2);
        _kernel.After(Seconds(wrap), () =>
        {
            _kernel.Emit((id, ts) => new ContactCompleted(id, ts, contact.Id, agent.Id, talk, hold, wrap, false, ContactOutcome.None));
            Floor.Release(agent);
        });
        Enqueue(contact, target);
    }

    private int TransferTarget(int from)
    {
        var others = Enumerable.Range(0, _queues.Count).Where(queue => queue != from).ToArray();
        var sameChannel = others.Where(queue => _queues[queue].Channel == _queues[from].Channel).ToArray();
        return Random.Pick(sameChannel.Length > 0 ? sameChannel : others);
    }

    private void WrapUp(SimulatedContact contact, SimulatedAgent agent, double talk, double hold, long waitedMs, bool resolved)
    {
        Floor.SetWrapup(agent);
        var wrap = WholeSeconds(_queues[contact.Queue].MeanWrap.TotalSeconds);
        var outcome = Outcome();
        _kernel.After(Seconds(wrap), () =>
        {
            _kernel.Emit((id, ts) => new ContactCompleted(id, ts, contact.Id, agent.Id, talk, hold, wrap, resolved, outcome));
            var experience = !resolved || waitedMs > 120_000 ? Experience.Poor
                : waitedMs > 30_000 || contact.Transferred ? Experience.Fair
                : Experience.Good;
            _customers.Remember(contact.CustomerId, unhappy: !resolved);
            _voice.AfterContact(contact.Id, agent.Id, experience);
            Floor.Release(agent);
        });
    }

    private ContactOutcome Outcome()
    {
        var upsellOffered = Random.Chance(UpsellOfferShare);
        var upsellAccepted = upsellOffered && Random.Chance(UpsellAcceptShare);
        var cancellationRequested = Random.Chance(CancellationShare);
        var saved = cancellationRequested && Random.Chance(SaveShare);
        return upsellOffered || cancellationRequested
            ? new ContactOutcome(upsellOffered, upsellAccepted, cancellationRequested, saved)
            : ContactOutcome.None;
    }

    // The ACD reports whole seconds; a mean of zero means "never".
    private double WholeSeconds(double mean) => mean <= 0 ? 0 : Math.Max(1, Math.Round(Random.Exponential(mean)));

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
