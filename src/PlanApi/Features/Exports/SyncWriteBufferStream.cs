namespace PlanApi.Features.Exports;

/// <summary>
/// Lets MiniExcel stream an XLSX to the response. Kestrel refuses synchronous writes, and .NET's ZipArchive makes a few
/// when an entry or the archive closes (the last compressed block, the central directory). Those few are held here and
/// sent with the next asynchronous write or flush; everything else passes straight through, so memory stays at a few
/// dozen kilobytes whatever the size of the file.
/// </summary>
internal sealed class SyncWriteBufferStream(Stream inner) : Stream
{
    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    /// <summary>Nothing to do now: pending bytes leave with the next asynchronous write or flush.</summary>
    public override void Flush() { }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        await SendPendingAsync(ct);
        await inner.WriteAsync(buffer, ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async Task FlushAsync(CancellationToken ct)
    {
        await SendPendingAsync(ct);
        await inner.FlushAsync(ct);
    }

    private async Task SendPendingAsync(CancellationToken ct)
    {
        if (_pending.Length == 0) return;
        await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        _pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
