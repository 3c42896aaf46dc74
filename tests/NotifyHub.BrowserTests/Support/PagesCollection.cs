namespace NotifyHub.BrowserTests.Support;

/// <summary>One host and one Chromium for all page tests: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<PagesHost>
{
    public const string Name = "pages";
}
