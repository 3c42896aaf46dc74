using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Host.Tests.Boundaries.Broken;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// A module runs alone in its container at scale: everything it registers must resolve from what it and the shared
/// plumbing register, never from a module that happens to be loaded beside it.
/// </summary>
public sealed class Modules_alone
{
    public static TheoryData<string> Modules() => [.. AllModules.Create().Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task Every_service_of_a_module_resolves_when_it_runs_alone(string module)
    {
        var owner = AllModules.Create().Single(m => m.Name == module).GetType().Assembly;
        await using var host = AloneHost.Build(module);

        Registrations.Unresolvable(host.Services, host.App.Services, owner).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_service_that_needs_another_modules_registration_is_caught()
    {
        await using var host = AloneHost.Build("regulator", services => services.AddScoped<NeedsAnotherModule>());

        var failures = Registrations.Unresolvable(host.Services, host.App.Services, typeof(NeedsAnotherModule).Assembly);

        failures.ShouldHaveSingleItem().ShouldContain("NotifyHub.Intake.Database.IntakeDbContext");
    }

    /// <summary>The host as <c>Program</c> builds it (not started), with only <paramref name="module"/> selected.</summary>
    private sealed class AloneHost : IAsyncDisposable
    {
        private readonly string _data;

        private AloneHost(string data, WebApplication app, IServiceCollection services)
        {
            _data = data;
            App = app;
            Services = services;
        }

        public WebApplication App { get; }

        public IServiceCollection Services { get; }

        public static AloneHost Build(string module, Action<IServiceCollection>? extra = null)
        {
            var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
            IServiceCollection? services = null;
            var app = NotifyHubApp.Build(
                [$"--NotifyHub:Modules:0={module}", $"--NotifyHub:DataDirectory={data}"],
                builder =>
                {
                    services = builder.Services;
                    extra?.Invoke(builder.Services);
                });
            return new AloneHost(data, app, services!);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            if (Directory.Exists(_data))
            {
                Directory.Delete(_data, recursive: true);
            }
        }
    }
}
