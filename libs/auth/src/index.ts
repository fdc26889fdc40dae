export { AuthModule } from './auth.module.js';
export { AuthService, type IssuedToken } from './auth.service.js';
export { Public, Roles, AnyStaff, CurrentStaff, type StaffPrincipal } from './auth.decorators.js';
export { accessTokenFrom } from './auth.guard.js';
export { setAccessCookie, clearAccessCookie, ACCESS_COOKIE } from './auth-cookie.js';
