import type { CommentStrings } from './comments-types'

// French typography: a no-break space (U+00A0) inside « » and before : ; ! ?
export const commentsFr: CommentStrings = {
  heading: 'Commentaires',
  count: { one: '{n} commentaire', other: '{n} commentaires' },
  empty: 'Pas encore de commentaire.',
  unavailable: 'Les commentaires ne peuvent pas être affichés pour l’instant. Revenez dans un moment.',
  closed: 'Les commentaires sont fermés pour ce billet.',
  feed: 'Flux des commentaires',
  authorBadge: 'Auteur',
  deleted: '[supprimé]',
  inReplyTo: 'en réponse à',
  reply: 'Répondre',
  replyTo: (name) => `Répondre à ${name}`,
  editLink: 'Modifier ou supprimer votre commentaire',
  pagination: {
    label: 'Pages de la discussion',
    earlier: 'Commentaires précédents',
    later: 'Commentaires suivants',
    pageOf: (page, count) => `Page ${page} sur ${count}`,
  },
  form: {
    title: 'Laisser un commentaire',
    replyingTo: 'En réponse à',
    newThread: 'Écrire plutôt un nouveau commentaire',
    name: 'Nom',
    email: 'Courriel',
    emailHint: 'Facultatif. Jamais montré aux lecteurs\u00a0; sert à vous reconnaître pour la modération et, si vous le demandez ci-dessous, à vous écrire.',
    body: 'Commentaire',
    bodyHint: 'Markdown\u00a0: *italique*, **gras**, `code`, [lien](https://…), > citation.',
    notify: 'Me prévenir par courriel',
    notifyNone: 'Jamais',
    notifyReplies: 'Quand on me répond',
    notifyPost: 'À chaque nouveau commentaire sur ce billet',
    honeypot: 'Laissez ce champ vide',
    submit: 'Publier le commentaire',
    heldNote: {
      'first-time': 'Un premier commentaire paraît une fois approuvé par l’auteur.',
      hold: 'Les commentaires paraissent une fois approuvés par l’auteur.',
    },
    errorSummary: 'Votre commentaire n’est pas encore publié\u00a0:',
  },
  errors: {
    invalid_input: 'Corrigez les champs signalés ci-dessous.',
    comments_closed: 'Les commentaires sont fermés pour ce billet.',
    parent_unknown:
      'Le commentaire auquel vous répondiez n’est plus disponible. Envoyez le vôtre à nouveau pour le publier comme nouveau commentaire.',
    reserved_name: 'Ce nom est celui de l’auteur du blog\u00a0; choisissez-en un autre.',
    rate_limited: 'Vous avez envoyé plusieurs commentaires en peu de temps. Attendez une minute, puis renvoyez celui-ci.',
    challenge_failed: 'La vérification anti-spam n’a pas abouti. Complétez-la, puis renvoyez.',
    challenge_unavailable: 'La vérification anti-spam est impossible pour l’instant. Attendez un moment, puis renvoyez.',
    unavailable:
      'Votre commentaire n’a pas pu être enregistré pour l’instant. Votre texte est conservé ci-dessous\u00a0: renvoyez-le dans un moment.',
    edit_link_invalid:
      'Ce lien a expiré ou n’est pas valide. Un commentaire peut être modifié ou supprimé pendant 15\u00a0minutes après sa publication, avec le lien donné alors.',
  },
  fieldErrors: {
    author: 'Entrez votre nom\u00a0: 100\u00a0caractères au plus, sur une ligne, sans caractère invisible ni caractère cassé.',
    email: 'Entrez une adresse valide (comme nom@exemple.fr), ou laissez le champ vide (il faut une adresse pour être prévenu).',
    body: 'Écrivez votre commentaire\u00a0: 10\u00a0000\u00a0caractères au plus, sans caractère de contrôle ni caractère cassé.',
    notify: 'Choisissez quand être prévenu, ou «\u00a0Jamais\u00a0».',
  },
  fieldError: (field) => commentsFr.fieldErrors[field],
  held: {
    title: 'Votre commentaire attend la modération',
    message: 'Vous seul le voyez, à cette adresse. Il paraîtra dans la discussion une fois approuvé par l’auteur.',
    badge: 'En attente de modération',
    published: 'Votre commentaire est publié.',
    seeIt: 'Le voir dans la discussion',
    back: 'Retour au billet',
  },
  replyPage: { title: (name) => `Répondre à ${name}` },
  edit: {
    title: 'Modifier votre commentaire',
    until: (time) => `Vous pouvez le modifier ou le supprimer jusqu’au ${time}.`,
    save: 'Enregistrer',
    deleteTitle: 'Le supprimer',
    deleteHint: 'Il apparaîtra comme «\u00a0[supprimé]\u00a0», pour que les réponses gardent leur contexte.',
    delete: 'Supprimer mon commentaire',
    deleted: 'Votre commentaire a été supprimé.',
    deletedNote: 'S’il avait des réponses, elles restent à leur place sous «\u00a0[supprimé]\u00a0».',
    invalidTitle: 'Ce lien ne fonctionne plus',
  },
  closedPage: {
    title: 'Commentaires fermés',
    message: 'L’auteur a fermé les commentaires de ce billet\u00a0: le vôtre n’a pas été publié.',
    yourText: 'Votre texte, pour le garder\u00a0:',
  },
  tooLarge: {
    title: 'Trop de texte à envoyer',
    message: (kb) =>
      `Ce que vous avez envoyé dépasse ${kb}\u00a0Ko, le maximum de ce formulaire\u00a0: rien n’en a été lu ni enregistré. Un commentaire tient en 10\u00a0000\u00a0caractères au plus, et un nom en 100\u00a0: revenez en arrière, raccourcissez votre texte (votre navigateur le garde d’ordinaire), puis renvoyez-le.`,
  },
  feedTitle: (title) => `Commentaires sur «\u00a0${title}\u00a0»`,
  feedEntryTitle: (name) => `Commentaire de ${name}`,
  // Outils des lecteurs (issue 13).
  preview: {
    button: 'Aperçu',
    heading: 'Aperçu',
    note: 'Voici à quoi ressemblera votre commentaire. Il n’est pas encore publié\u00a0: relisez-le, puis publiez-le ci-dessous.',
  },
  siteFeedTitle: (site) => `Commentaires sur ${site}`,
  siteFeedEntryTitle: (name, title) => `${name} sur «\u00a0${title}\u00a0»`,
  // A commenter's data on request (issue 12).
  anonymous: 'Anonyme',
}
