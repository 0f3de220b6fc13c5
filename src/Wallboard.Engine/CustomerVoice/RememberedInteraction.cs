namespace Wallboard.Engine.CustomerVoice;

/// <summary>
/// One entry of <see cref="InteractionDirectory"/>: the 64-bit digest of the contact or ticket id (with its
/// kind), where the interaction belonged, and the time it was remembered at.
/// </summary>
internal readonly record struct RememberedInteraction(ulong Key, Interaction Interaction, long AtMs);
