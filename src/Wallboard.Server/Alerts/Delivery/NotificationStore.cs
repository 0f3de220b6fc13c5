using System.Text.Json;
using StackExchange.Redis;
using Wallboard.Server.State;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// What delivery keeps in Redis so that a restart neither loses nor repeats a notification: the outbox of
/// planned notifications (replayed on start), the channels told about each alert, and a delivered-marker per
/// notification (alert, kind, channel, sequence), written when the receiver accepted it.
/// </summary>
internal sealed class NotificationStore(RedisConnection redis, RedisKeys keys, DeliverySettings settings)
{
    private const string ToldPrefix = "to:";
    private const string SentPrefix = "sent:";
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>Puts planned notifications in the outbox and records which channels were told about each alert.</summary>
    public async Task RememberAsync(IReadOnlyList<Notification> planned)
    {
        var database = await redis.DatabaseAsync();
        var writes = new List<Task>
        {
            database.HashSetAsync(keys.AlertOutbox, [.. planned.Select(notification => new HashEntry(OutboxField(notification), JsonSerializer.Serialize(notification, Json)))]),
        };
        foreach (var alert in planned.GroupBy(notification => notification.Alert.Id))
        {
            var key = keys.AlertNotified(alert.Key);
            writes.Add(database.HashSetAsync(key, [.. alert.Select(notification => notification.Channel).Distinct().Select(channel => new HashEntry(ToldPrefix + channel, 1))]));
            writes.Add(database.KeyExpireAsync(key, settings.Retention));
        }

        await Task.WhenAll(writes);
    }

    /// <summary>The channels told about an alert so far (acknowledgements and resolutions go to them).</summary>
    public async Task<IReadOnlySet<string>> ToldAsync(string alertId)
    {
        var database = await redis.DatabaseAsync();
        var fields = await database.HashKeysAsync(keys.AlertNotified(alertId));
        return fields.Select(field => (string)field!).Where(field => field.StartsWith(ToldPrefix, StringComparison.Ordinal))
            .Select(field => field[ToldPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Notifications planned before a restart and not yet delivered or given up.</summary>
    public async Task<IReadOnlyList<Notification>> PendingAsync()
    {
        var database = await redis.DatabaseAsync();
        var entries = await database.HashValuesAsync(keys.AlertOutbox);
        return [.. entries.Select(entry => JsonSerializer.Deserialize<Notification>((string)entry!, Json)!)];
    }

    /// <summary>Those of <paramref name="notifications"/> not marked delivered.</summary>
    public async Task<IReadOnlyList<Notification>> UndeliveredAsync(IReadOnlyList<Notification> notifications)
    {
        var database = await redis.DatabaseAsync();
        var delivered = await Task.WhenAll(notifications.Select(notification =>
            database.HashExistsAsync(keys.AlertNotified(notification.Alert.Id), SentPrefix + notification.Key)));
        return [.. notifications.Where((_, index) => !delivered[index])];
    }

    /// <summary>Marks notifications delivered and takes them out of the outbox.</summary>
    public async Task DeliveredAsync(IReadOnlyList<Notification> notifications, DateTimeOffset at)
    {
        var database = await redis.DatabaseAsync();
        var writes = new List<Task>();
        foreach (var alert in notifications.GroupBy(notification => notification.Alert.Id))
        {
            var key = keys.AlertNotified(alert.Key);
            writes.Add(database.HashSetAsync(key, [.. alert.Select(notification => new HashEntry(SentPrefix + notification.Key, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))]));
            writes.Add(database.KeyExpireAsync(key, settings.Retention));
        }

        writes.Add(database.HashDeleteAsync(keys.AlertOutbox, [.. notifications.Select(notification => (RedisValue)OutboxField(notification))]));
        await Task.WhenAll(writes);
    }

    /// <summary>Takes notifications out of the outbox without marking them (given up, or dropped).</summary>
    public async Task ForgetAsync(IReadOnlyList<Notification> notifications)
    {
        var database = await redis.DatabaseAsync();
        await database.HashDeleteAsync(keys.AlertOutbox, [.. notifications.Select(notification => (RedisValue)OutboxField(notification))]);
    }

    private static string OutboxField(Notification notification) => notification.Alert.Id + "|" + notification.Key;
}
