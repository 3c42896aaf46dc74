using System.Reflection;

namespace NotifyHub.Web;

/// <summary>
/// The assemblies whose pages this process serves: the shared library and each active module that asked. Pages of
/// modules compiled into the binary but not running here are not served, so a module behaves the same alone.
/// </summary>
internal sealed class PageModules
{
    private readonly HashSet<Assembly> _assemblies = [typeof(PageModules).Assembly];

    public bool Contains(Assembly assembly) => _assemblies.Contains(assembly);

    public void Add(Assembly assembly) => _assemblies.Add(assembly);

    public IReadOnlyCollection<Assembly> All => _assemblies;
}
