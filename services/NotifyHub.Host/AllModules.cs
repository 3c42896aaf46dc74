using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.CallCentre;
using NotifyHub.Console;
using NotifyHub.Intake;
using NotifyHub.Notifications;
using NotifyHub.Portal;
using NotifyHub.Regulator;

namespace NotifyHub.Host;

/// <summary>The flat list of modules this binary can run; <c>NotifyHub:Modules</c> picks among them.</summary>
public static class AllModules
{
    public static IReadOnlyList<IModule> Create() =>
    [
        new IntakeModule(),
        new NotificationsModule(),
        new CallCentreModule(),
        new RegulatorModule(),
        new PortalModule(),
        new ConsoleModule(),
    ];
}
