// PostGraphile v5 (grafast) calls Promise.withResolvers, which Node 20 lacks
// (it arrived in Node 22); loaded with `node --import` before anything else.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
