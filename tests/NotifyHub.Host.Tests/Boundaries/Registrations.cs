using Microsoft.Extensions.DependencyInjection;
using System.Reflection;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Resolves every closed service registered by one assembly, as the container's ValidateOnBuild would, but only for
/// that assembly: the host cannot validate everything, because Mediator's generator registers the handlers of every
/// module compiled in, including modules this process does not run.
/// </summary>
public static class Registrations
{
    public static IReadOnlyList<string> Unresolvable(IServiceCollection services, IServiceProvider provider, Assembly owner)
    {
        var failures = new List<string>();
        using var scope = provider.CreateScope();
        foreach (var descriptor in services.Where(d => Owner(d) == owner && !d.ServiceType.ContainsGenericParameters))
        {
            try
            {
                // All registrations of the type (several hosted services share IHostedService), constructed, not started.
                var resolved = descriptor.IsKeyedService
                    ? scope.ServiceProvider.GetKeyedServices(descriptor.ServiceType, descriptor.ServiceKey)
                    : scope.ServiceProvider.GetServices(descriptor.ServiceType);
                resolved.ShouldNotBeEmpty();
            }
            catch (Exception e) when (e is InvalidOperationException or AggregateException or ArgumentException)
            {
                failures.Add($"{descriptor.ServiceType.Name}: {e.Message}");
            }
        }

        return failures;
    }

    private static Assembly? Owner(ServiceDescriptor d) =>
        (d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)?.Assembly ?? d.ServiceType.Assembly;
}
