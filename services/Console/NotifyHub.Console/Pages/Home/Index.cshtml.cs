using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NotifyHub.Console.Pages.Home;

/// <summary>The console's home: every signed-in member of staff, links by role.</summary>
[Authorize]
public sealed class IndexModel : PageModel;
