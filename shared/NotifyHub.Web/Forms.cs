using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NotifyHub.Web;

/// <summary>Attribute values that tie a field to its error, so a screen reader announces the error with the field.</summary>
public static class Forms
{
    public static string? Invalid(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    public static string? ErrorId(this ModelStateDictionary state, string field) =>
        state.Invalid(field) is null ? null : $"{field}-error";

    public static string? FirstError(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
