import type { settings as nl } from "../nl/settings";

export const settings: Record<keyof typeof nl, string> = {
  "settings.title": "Settings",
  "settings.profile": "Profile",
  "settings.name": "Name",
  "settings.nameHint": "This is how others in the network see you.",
  "settings.email": "E-mail address",
  "settings.language": "Language",
  "settings.saveProfile": "Save profile",
  "settings.password": "Change password",
  "settings.currentPassword": "Current password",
  "settings.newPassword": "New password",
  "settings.confirmPassword": "Repeat the new password",
  "settings.savePassword": "Change password",
  "settings.passwordChanged": "Your password has been changed. You are logged out on other devices.",
  "settings.sessions": "Sign out everywhere",
  "settings.sessionsIntro": "Did you stay logged in somewhere, for example on a shared computer? This signs you out on every device, this one included.",
  "settings.logoutEverywhere": "Sign out everywhere",
  "settings.loggedOutEverywhere": "You are logged out on all your devices.",
  "settings.notifications": "Notifications",
  "settings.notificationsIntro": "Choose for each kind of notification whether you get it not at all, only in Leernetwerk, at once by e-mail or in the weekly digest.",
  "settings.notificationsLink": "Notification settings",
};
