// /programme/events/:id/edit: the same page as for a coalition's event, for a programme-wide one.
export { action, default, loader, meta } from "./teams.$team.events.$id.edit";
