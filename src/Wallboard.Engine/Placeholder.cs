namespace Wallboard.Engine;

internal static class Placeholder;
