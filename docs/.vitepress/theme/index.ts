import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import { queryTokens } from '../search';
import Playground from './Playground.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app, siteData }) {
    app.component('Playground', Playground);
    // The site data reaches the browser as JSON, without functions: the query tokenizer of the local
    // search is set here (the index was built with ../search.ts's fieldTokens, see the config).
    const search = siteData.value.themeConfig?.search;
    if (search?.provider === 'local') {
      const miniSearch = (search.options ??= {}).miniSearch ?? {};
      search.options.miniSearch = { ...miniSearch, searchOptions: { ...miniSearch.searchOptions, tokenize: queryTokens } };
    }
  },
} satisfies Theme;
