namespace NotifyHub.Intake;

/// <summary>Marker for the intake pages' text in Resources/IntakeText.*.resx (English, French, Japanese).</summary>
public sealed class IntakeText;
