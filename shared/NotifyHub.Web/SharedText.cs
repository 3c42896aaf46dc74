namespace NotifyHub.Web;

/// <summary>Marker for the shared page text (layout, switcher, sign-in words every module uses) in Resources/SharedText.*.resx.</summary>
public sealed class SharedText;
