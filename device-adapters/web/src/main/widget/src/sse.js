// Reads a stream of server-sent events with fetch, so that a token can travel in a header (EventSource sends none).
// Calls onEvent(type, data, id) for each event; resolves when the stream ends, rejects when it fails.
export async function readEvents(url, headers, signal, onEvent) {
  const response = await fetch(url, { headers, signal, mode: 'cors', credentials: 'omit', cache: 'no-store' });
  if (!response.ok || !response.body) {
    const error = new Error('stream refused: ' + response.status);
    error.status = response.status;
    throw error;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message', data = '', id = null;
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
        else if (line.startsWith('id: ')) id = line.slice(4);
      }
      if (data) onEvent(type, JSON.parse(data), id);
    }
  }
}
