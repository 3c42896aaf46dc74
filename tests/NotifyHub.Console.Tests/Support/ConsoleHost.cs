using NotifyHub.Testing;

namespace NotifyHub.Console.Tests.Support;

/// <summary>One in-process host shared by the tests of a class; each test makes its own users, so they do not collide.</summary>
public sealed class ConsoleHost : NotifyHubFactory;
