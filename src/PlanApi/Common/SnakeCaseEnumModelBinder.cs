using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PlanApi.Common;

/// <summary>Binds query-string enums by their snake_case wire names (<c>?status=in_progress</c>), as JSON does.</summary>
public sealed class SnakeCaseEnumModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum ? new SnakeCaseEnumModelBinder(type) : null;
    }

    private sealed class SnakeCaseEnumModelBinder(Type enumType) : IModelBinder
    {
        private readonly Dictionary<string, object> _values = Enum.GetValues(enumType).Cast<object>()
            .ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()!), v => v, StringComparer.Ordinal);

        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            var text = result.FirstValue;
            if (string.IsNullOrEmpty(text))
            {
                // "?status=" is no filter, as "?year=" is; left unbound, the parameter would fail validation with no error named.
                if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
                else bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "A value is required.");
                return Task.CompletedTask;
            }
            if (_values.TryGetValue(text, out var value))
            {
                bindingContext.Result = ModelBindingResult.Success(value);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    $"'{text}' is not one of: {string.Join(", ", _values.Keys)}.");
            }
            return Task.CompletedTask;
        }
    }
}
