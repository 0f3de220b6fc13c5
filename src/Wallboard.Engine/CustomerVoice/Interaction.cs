namespace Wallboard.Engine.CustomerVoice;

/// <summary>Where a contact or ticket belonged, for surveys and scores that name it.</summary>
internal readonly record struct Interaction(string? Queue, string? Channel, string? AgentId, string? Category);
