// npm run content:check – validates every content file the way `next build` does and
// names the file and field of each problem. Exit code 1 when anything is wrong.
import { getAllArticles } from '../lib/content/articles';
import { getAuthors } from '../lib/content/authors';
import { ContentError } from '../lib/content/load-collection';
import { getAboutPage } from '../lib/content/pages';
import { getFaq, getTestimonials } from '../lib/content/pricing';
import { getAllEpisodes } from '../lib/podcast/episodes';
import { getPhases } from '../lib/content/programme';

try {
  const authors = getAuthors();
  const episodes = getAllEpisodes();
  const articles = getAllArticles();
  getAboutPage();
  const faq = getFaq();
  const testimonials = getTestimonials();
  const phases = getPhases();
  const sessions = phases.reduce((total, phase) => total + phase.sessions.length, 0);
  const members = articles.filter((a) => a.access === 'members').length;
  console.log(
    `Content is valid: ${articles.length} articles (${members} members-only), ${episodes.length} episodes, ${authors.size} authors, ` +
      `${phases.length} programme phases with ${sessions} sessions, ${faq.length} pricing questions, ${testimonials.length} testimonials.`,
  );
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
