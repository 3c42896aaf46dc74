namespace NotifyHub.Regulator;

/// <summary>Marker for the regulator pages' text in Resources/RegulatorText.*.resx (English, French, Japanese).</summary>
public sealed class RegulatorText;
