using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PlanApi.Common;

/// <summary>
/// Binds query and route dates as ISO 8601 <c>yyyy-MM-dd</c> only, as JSON does. MVC's own binder would also take
/// "01/07/2025" and read it month first (7 January): a Vietnamese client meaning 1 July would get another day's answer.
/// </summary>
public sealed class IsoDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(DateOnly)
            ? new IsoDateModelBinder()
            : null;

    private sealed class IsoDateModelBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            var text = result.FirstValue;
            if (string.IsNullOrEmpty(text))
            {
                // "?asOf=" is no date, as "?year=" is no year; left unbound, the parameter would fail validation with no error named.
                if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
                else bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "A value is required.");
                return Task.CompletedTask;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                bindingContext.Result = ModelBindingResult.Success(date);
            else
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"'{text}' is not a date: write it yyyy-MM-dd (2025-07-01).");
            return Task.CompletedTask;
        }
    }
}
