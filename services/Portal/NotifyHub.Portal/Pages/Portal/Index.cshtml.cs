using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NotifyHub.Portal.Pages.Portal;

/// <summary>The start page (GOV.UK "start" pattern): what the service does and what the person needs.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel;
