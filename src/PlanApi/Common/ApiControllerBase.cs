using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;

namespace PlanApi.Common;

/// <summary>Every v1 controller: JSON in and out, problem details for 400 and 500 on every operation.</summary>
[ApiController]
[ApiVersion("1.0")]
[Produces("application/json")]
[Consumes("application/json")]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
public abstract class ApiControllerBase : ControllerBase
{
    protected const string ProblemJson = "application/problem+json";
    protected const string IfMatchHeader = "If-Match";
}
