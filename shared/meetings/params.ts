/**
 * The path parameters every meetings route shares. A module of their own: a zod schema is a call esbuild cannot
 * drop, so a route file importing them from ./schemas would carry every meetings schema into its Lambda.
 */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';

export const Id = z.string().regex(ID_PATTERN, '编号格式不正确');
export const ActivityIdParams = z.strictObject({ id: Id });
