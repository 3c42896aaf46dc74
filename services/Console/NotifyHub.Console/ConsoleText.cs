namespace NotifyHub.Console;

/// <summary>Marker for the console pages' text in Resources/ConsoleText.*.resx (English, French, Japanese).</summary>
public sealed class ConsoleText;
