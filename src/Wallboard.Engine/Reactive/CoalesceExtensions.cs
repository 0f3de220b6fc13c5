using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Wallboard.Engine.Reactive;

/// <summary>Rate limiting for pushes to screens.</summary>
public static class CoalesceExtensions
{
    /// <summary>
    /// Emits the latest item at most once per <paramref name="period"/>: the first item after a quiet
    /// period goes out at once, items arriving sooner are coalesced into one emission at the end of the
    /// period. Unlike <c>Sample</c> it adds no delay to an isolated change; unlike <c>Throttle</c> it
    /// never starves under a steady stream.
    /// </summary>
    public static IObservable<T> Coalesce<T>(this IObservable<T> source, TimeSpan period, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<T>(observer =>
        {
            var gate = new object();
            var lastEmit = DateTimeOffset.MinValue;
            var pending = false;
            T latest = default!;
            var timer = new SerialDisposable();

            void EmitPending()
            {
                T item;
                lock (gate)
                {
                    if (!pending)
                    {
                        return;
                    }

                    pending = false;
                    item = latest;
                    lastEmit = scheduler.Now;
                }

                observer.OnNext(item);
            }

            var subscription = source.Synchronize(gate).Subscribe(
                item =>
                {
                    latest = item;
                    if (pending)
                    {
                        return;
                    }

                    pending = true;
                    var due = lastEmit == DateTimeOffset.MinValue ? scheduler.Now : lastEmit + period;
                    timer.Disposable = due <= scheduler.Now ? scheduler.Schedule(EmitPending) : scheduler.Schedule(due, EmitPending);
                },
                observer.OnError,
                observer.OnCompleted);
            return new CompositeDisposable(subscription, timer);
        });
    }
}
