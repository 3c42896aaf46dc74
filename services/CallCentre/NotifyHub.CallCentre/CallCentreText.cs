namespace NotifyHub.CallCentre;

/// <summary>Marker for the call-centre pages' text in Resources/CallCentreText.*.resx (English, French, Japanese).</summary>
public sealed class CallCentreText;
