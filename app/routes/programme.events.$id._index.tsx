// /programme/events/:id: the same page as a coalition's event, for a programme-wide one (no team in the address).
export { action, default, loader, meta } from "./teams.$team.events.$id._index";
