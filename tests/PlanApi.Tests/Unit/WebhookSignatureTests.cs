using PlanApi.Features.Webhooks;

namespace PlanApi.Tests.Unit;

/// <summary>Signing as the Standard Webhooks specification's own test vector says.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";

    [Fact]
    public void Signs_the_specification_test_vector()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(Secret, Id, Timestamp, Body));
        Assert.True(WebhookSignature.Verify(Secret, Id, Timestamp, Body, "v1,bogus v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        Assert.False(WebhookSignature.Verify(Secret, Id, Timestamp, Body + " ", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [Fact]
    public void New_secrets_carry_the_prefix_and_enough_random_bytes()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.InRange(WebhookSignature.KeyOf(secret).Length, 24, 64);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(5, 80)]
    [InlineData(20, 3600)]
    public void Retries_back_off_exponentially_with_jitter_up_to_the_cap(int attempt, int fullSeconds)
    {
        var options = new WebhookOptions();
        Assert.Equal(TimeSpan.FromSeconds(fullSeconds / 2.0), options.RetryDelay(attempt, 0));
        Assert.Equal(TimeSpan.FromSeconds(fullSeconds), options.RetryDelay(attempt, 1));
    }
}
