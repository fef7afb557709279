/** Request parts that may carry secrets; the logger replaces them before anything is written. */
export const redactions = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.query.token',
  'req.query.code',
  'req.body.token',
  'req.body.credentials',
];
