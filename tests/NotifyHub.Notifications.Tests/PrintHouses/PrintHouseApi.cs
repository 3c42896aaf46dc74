using NotifyHub.Notifications.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.PrintHouses;

/// <summary>Registers print houses through the API as a privacy officer would.</summary>
public static class PrintHouseApi
{
    public static async Task<Guid> RegisterAsync(NotificationsApp app, string publicKey, object? sftp = null, Guid? incidentId = null,
        string keyKind = "openpgp")
    {
        var response = await app.Client.PostAsJsonAsync("/api/v1/print-houses",
            new { name = "Example Print Ltd", keyKind, publicKey, incidentId, sftp });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
