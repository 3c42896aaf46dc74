using NotifyHub.BuildingBlocks.Modules;
using System.Reflection;

namespace NotifyHub.Host.Tests;

/// <summary>Modules talk only through the bus or HTTP: a module assembly may reference the shared libraries (the page foundation among them), never another module.</summary>
public sealed class Module_boundaries
{
    private static readonly string[] Allowed = ["NotifyHub.Contracts", "NotifyHub.BuildingBlocks", "NotifyHub.Privacy", "NotifyHub.Web"];

    public static TheoryData<string> Modules() => [.. AllModules.Create().Select(m => m.GetType().Assembly.GetName().Name!)];

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_no_other_module(string assemblyName)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("NotifyHub.", StringComparison.Ordinal));

        references.ShouldAllBe(r => Allowed.Contains(r));
    }

    [Fact]
    public void The_contracts_depend_on_nothing_of_ours()
    {
        typeof(NotifyHub.Contracts.DataCategories).Assembly.GetReferencedAssemblies()
            .ShouldNotContain(r => r.Name!.StartsWith("NotifyHub.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_module_is_one_door_named_after_its_assembly()
    {
        foreach (var module in AllModules.Create())
        {
            module.GetType().Name.ShouldBe(module.GetType().Assembly.GetName().Name!["NotifyHub.".Length..] + "Module");
            module.ShouldBeAssignableTo<IModule>();
        }
    }
}
