// First import of the renderer: zod must not try `new Function` (the CSP has no 'unsafe-eval'); this has to run
// before any schema parses, and ES modules evaluate imports in order.
import { z } from 'zod';

z.config({ jitless: true });
