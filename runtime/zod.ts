/** zod speaks Simplified Chinese everywhere in the product (server and browser). */
import { z } from "zod";

z.config(z.locales.zhCN());

export { z };
