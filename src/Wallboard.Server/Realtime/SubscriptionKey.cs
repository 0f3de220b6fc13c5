using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Realtime;

/// <summary>One scope × window a client watches.</summary>
internal readonly record struct SubscriptionKey(ScopeId Scope, WindowId Window);
