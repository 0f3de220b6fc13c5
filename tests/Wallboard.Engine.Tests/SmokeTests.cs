namespace Wallboard.Engine.Tests;

public class SmokeTests
{
    [Fact]
    public void Smoke() => Assert.Equal(2, 1 + 1);
}
