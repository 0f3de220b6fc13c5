using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Kpis;

public class KpiCatalogTests
{
    [Fact]
    public void All_EveryKpiId_HasItsDefinitionAtItsIndex()
    {
        var ids = Enum.GetValues<KpiId>();

        Assert.Equal(ids.Length, KpiCatalog.All.Count);
        Assert.All(ids, id => Assert.Equal(id, KpiCatalog.Get(id).Id));
    }

    [Fact]
    public void All_Names_AreUniqueCamelCase()
    {
        var names = KpiCatalog.All.Select(kpi => kpi.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z][A-Za-z]*$", name));
    }

    [Theory]
    [InlineData("abandonRate", 8.5, KpiState.Warning)]
    [InlineData("abandonRate", 10.5, KpiState.Critical)]
    [InlineData("serviceLevel", 75, KpiState.Warning)]
    [InlineData("serviceLevel", 80, KpiState.Ok)]
    [InlineData("occupancy", 65, KpiState.Warning)]
    [InlineData("occupancy", 96, KpiState.Critical)]
    [InlineData("ticketsBreached", 1, KpiState.Warning)]
    [InlineData("ticketsBreached", 0, KpiState.Ok)]
    [InlineData("csat", 79.9, KpiState.Critical)]
    public void Thresholds_DefaultsFromTheSpec_ClassifyValues(string kpi, double value, KpiState expected)
    {
        Assert.True(KpiCatalog.TryGet(kpi, out var definition));

        Assert.Equal(expected, definition!.Thresholds!.StateOf(value));
    }
}
