<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdjudicationPanel</name>
    <message>
        <source>Spans of every annotator and the gold standard</source>
        <translation>Segments de chaque annotateur et de la référence</translation>
    </message>
    <message>
        <source>Answers of every annotator and the gold answer</source>
        <translation>Réponses de chaque annotateur et réponse de référence</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Accept into gold</source>
        <translation>Accepter dans la référence</translation>
    </message>
    <message>
        <source>Copy the selected span (from the annotator whose column is selected, else the first) into the gold standard</source>
        <translation>Copier le segment sélectionné (celui de l’annotateur dont la colonne est sélectionnée, sinon du premier) dans la référence</translation>
    </message>
    <message>
        <source>Remove from gold</source>
        <translation>Retirer de la référence</translation>
    </message>
    <message>
        <source>Label for a new gold span</source>
        <translation>Étiquette d’un nouveau segment de référence</translation>
    </message>
    <message>
        <source>Add selected text to gold</source>
        <translation>Ajouter le texte sélectionné à la référence</translation>
    </message>
    <message>
        <source>Select words in the text above, choose a label, then add them to the gold standard as your own span</source>
        <translation>Sélectionnez des mots dans le texte ci-dessus, choisissez une étiquette, puis ajoutez-les à la référence comme votre propre segment</translation>
    </message>
    <message>
        <source>Selected span:</source>
        <translation>Segment sélectionné&#xa0;:</translation>
    </message>
    <message>
        <source>   New gold span:</source>
        <translation>   Nouveau segment de référence&#xa0;:</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>Accord de</translation>
    </message>
    <message>
        <source>Agreement threshold</source>
        <translation>Seuil d’accord</translation>
    </message>
    <message>
        <source>all annotators</source>
        <translation>tous les annotateurs</translation>
    </message>
    <message>
        <source>two thirds of them</source>
        <translation>deux tiers d’entre eux</translation>
    </message>
    <message>
        <source>half of them</source>
        <translation>la moitié d’entre eux</translation>
    </message>
    <message>
        <source>Accept agreed in this document</source>
        <translation>Accepter les segments consensuels de ce document</translation>
    </message>
    <message>
        <source>Accept agreed in every listed document…</source>
        <translation>Accepter les segments consensuels de tous les documents listés…</translation>
    </message>
    <message>
        <source>Accept agreed answers in this document</source>
        <translation>Accepter les réponses consensuelles de ce document</translation>
    </message>
    <message>
        <source>Document settled (what gold lacks was rejected)</source>
        <translation>Document tranché (ce qui manque à la référence a été écarté)</translation>
    </message>
    <message>
        <source>A settled document has no open disagreement left: what the gold standard lacks was looked at and rejected.</source>
        <translation>Un document tranché n’a plus de désaccord ouvert&#xa0;: ce qui manque à la référence a été examiné et écarté.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Only the project lead builds the gold standard in this project.</source>
        <translation>Dans ce projet, seul le responsable du projet constitue la référence.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>Marqué par</translation>
    </message>
    <message>
        <source>✓ gold</source>
        <translation>✓ référence</translation>
    </message>
    <message>
        <source>gold only</source>
        <translation>référence seule</translation>
    </message>
    <message>
        <source>all %s</source>
        <translation>les %s</translation>
    </message>
    <message>
        <source>only %s</source>
        <translation>seulement %s</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Gold answer</source>
        <translation>Réponse de référence</translation>
    </message>
    <message>
        <source>Gold answer to %s</source>
        <translation>Réponse de référence à %s</translation>
    </message>
    <message>
        <source>(no gold answer)</source>
        <translation>(pas de réponse de référence)</translation>
    </message>
</context>
<context>
    <name>AgreementCharts</name>
    <message>
        <source>, </source>
        <comment>between the two ends of an interval</comment>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>not defined for this data</source>
        <translation>non défini pour ces données</translation>
    </message>
    <message>
        <source>n/a [%s]</source>
        <translation>n.d. [%s]</translation>
    </message>
    <message>
        <source>n = %s</source>
        <translation>n = %s</translation>
    </message>
    <message>
        <source>Not defined:</source>
        <translation>Non défini&#xa0;:</translation>
    </message>
    <message>
        <source>Colour scale</source>
        <translation>Échelle de couleurs</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>segments</translation>
    </message>
    <message>
        <source>Unitizing alpha per label with 95% intervals</source>
        <translation>Alpha d’unitisation par étiquette, avec intervalles à 95&#xa0;%</translation>
    </message>
    <message>
        <source>0.667 tentative</source>
        <translation>0,667 provisoire</translation>
    </message>
    <message>
        <source>0.800 reliable</source>
        <translation>0,800 fiable</translation>
    </message>
    <message>
        <source>alpha [95% CI] · %1</source>
        <translation>alpha [IC 95&#xa0;%] · %1</translation>
    </message>
    <message>
        <source>not defined</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>n/a: %s</source>
        <translation>n.d.&#xa0;: %s</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Agreement — %s</source>
        <translation>Accord — %s</translation>
    </message>
    <message>
        <source>Coders compared</source>
        <translation>Codeurs comparés</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Annotateurs</translation>
    </message>
    <message>
        <source>Ticked by default: the annotators with assignments (everyone when nothing is assigned).</source>
        <translation>Cochés par défaut&#xa0;: les annotateurs qui ont des documents attribués (tout le monde si rien n’est attribué).</translation>
    </message>
    <message>
        <source>Labels and questions</source>
        <translation>Étiquettes et questions</translation>
    </message>
    <message>
        <source>%s (question)</source>
        <translation>%s (question)</translation>
    </message>
    <message>
        <source>Only documents marked done</source>
        <translation>Documents terminés seulement</translation>
    </message>
    <message>
        <source>Count sub-labels as their parent label</source>
        <translation>Sous-étiquettes comptées avec leur parent</translation>
    </message>
    <message>
        <source>Reporting verb = neutral + loaded: each sub-label&apos;s spans count as spans of its top-level label.</source>
        <translation>Verbe introducteur = neutre + connoté&#xa0;: les segments de chaque sous-étiquette comptent comme segments de son étiquette de premier niveau.</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calculer</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>Exporter le tableau en CSV…</translation>
    </message>
    <message>
        <source>Save view as PNG…</source>
        <translation>Enregistrer la vue en PNG…</translation>
    </message>
    <message>
        <source>Browse disagreements…</source>
        <translation>Parcourir les désaccords…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Annotator pairs</source>
        <translation>Paires d’annotateurs</translation>
    </message>
    <message>
        <source>Nobody to compare yet: no annotator has coded a document.</source>
        <translation>Personne à comparer pour l’instant&#xa0;: aucun annotateur n’a codé de document.</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Choose at least one annotator and one label or question.</source>
        <translation>Choisissez au moins un annotateur et une étiquette ou une question.</translation>
    </message>
    <message>
        <source>The agreement could not be computed: %s</source>
        <translation>L’accord n’a pas pu être calculé&#xa0;: %s</translation>
    </message>
    <message>
        <source>Computation cancelled; press Compute to start again.</source>
        <translation>Calcul annulé&#xa0;; appuyez sur Calculer pour le relancer.</translation>
    </message>
    <message>
        <source>annotators: %s</source>
        <translation>annotateurs&#xa0;: %s</translation>
    </message>
    <message>
        <source>labels: %s</source>
        <translation>étiquettes&#xa0;: %s</translation>
    </message>
    <message>
        <source>documents marked done only</source>
        <translation>seulement les documents marqués comme terminés</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 annotators&lt;/b&gt; (%2) · &lt;b&gt;%3 documents&lt;/b&gt; coded by two or more · %4 coded by every annotator</source>
        <translation>&lt;b&gt;%1 annotateurs&lt;/b&gt; (%2) · &lt;b&gt;%3 documents&lt;/b&gt; codés par au moins deux · %4 codés par tous les annotateurs</translation>
    </message>
    <message>
        <source>95% bootstrap intervals: %1 resamples, seed %2</source>
        <translation>Intervalles bootstrap à 95&#xa0;%&#xa0;: %1 rééchantillonnages, graine %2</translation>
    </message>
    <message>
        <source>no intervals</source>
        <translation>pas d’intervalles</translation>
    </message>
    <message>
        <source>Filters: %s</source>
        <translation>Filtres&#xa0;: %s</translation>
    </message>
    <message>
        <source>all labels</source>
        <translation>toutes les étiquettes</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Exporter le tableau en CSV</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tableaux CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Save view as PNG</source>
        <translation>Enregistrer la vue en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <source>Cannot write %s</source>
        <translation>Impossible d’écrire %s</translation>
    </message>
</context>
<context>
    <name>AnnotatorActions</name>
    <message>
        <source>Relabel as %s</source>
        <translation>Changer l’étiquette en %s</translation>
    </message>
    <message>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>Sélectionnez d’abord du texte, puis appuyez sur la touche d’une étiquette.</translation>
    </message>
    <message>
        <source>The selection holds no words to label.</source>
        <translation>La sélection ne contient aucun mot à étiqueter.</translation>
    </message>
    <message>
        <source>These words are already labelled %s.</source>
        <translation>Ces mots sont déjà étiquetés %s.</translation>
    </message>
    <message>
        <source>Label as %s</source>
        <translation>Étiqueter comme %s</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>Supprimer le segment</translation>
    </message>
    <message>
        <source>Resize span</source>
        <translation>Redimensionner le segment</translation>
    </message>
    <message>
        <source>A span cannot be made empty; drag the edge less far.</source>
        <translation>Un segment ne peut pas être vide&#xa0;; déplacez le bord moins loin.</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <source>Answer question</source>
        <translation>Répondre à la question</translation>
    </message>
    <message>
        <source>Note on your answer</source>
        <translation>Note sur votre réponse</translation>
    </message>
    <message>
        <source>Why this answer to “%s”?</source>
        <translation>Pourquoi cette réponse à «&#xa0;%s&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Edit answer note</source>
        <translation>Modifier la note de réponse</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>Modifier le mémo</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Who is annotating?</source>
        <translation>Qui annote&#xa0;?</translation>
    </message>
    <message>
        <source>Your name (your work is recorded under it; it is remembered for this project on this computer):</source>
        <translation>Votre nom (votre travail est enregistré sous ce nom&#xa0;; il est retenu pour ce projet sur cet ordinateur)&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>%1 is too damaged to show (%2). Open it again and choose Restore a backup….</source>
        <translation>%1 est trop endommagé pour être affiché (%2). Ouvrez-le de nouveau et choisissez Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>The project file is damaged (%s). Choose File &gt; Restore a backup… to bring your work back as it was when a backup was made.</source>
        <translation>Le fichier du projet est endommagé (%s). Choisissez Fichier &gt; Restaurer une sauvegarde… pour retrouver votre travail tel qu’il était lors d’une sauvegarde.</translation>
    </message>
    <message>
        <source>Something went wrong: %s

Your project file is intact; the last action may not have been saved.</source>
        <translation>Un problème est survenu&#xa0;: %s

Votre fichier de projet est intact&#xa0;; la dernière action n’a peut-être pas été enregistrée.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>AttributePanel</name>
    <message>
        <source>free text</source>
        <translation>texte libre</translation>
    </message>
    <message>
        <source>a choice</source>
        <translation>un choix</translation>
    </message>
    <message>
        <source>an entity (a name)</source>
        <translation>une entité (un nom)</translation>
    </message>
    <message>
        <source>Several values on one span</source>
        <translation>Plusieurs valeurs sur un segment</translation>
    </message>
    <message>
        <source>Span labels the attribute applies to</source>
        <translation>Étiquettes de segment concernées par l’attribut</translation>
    </message>
    <message>
        <source>Choices, one per line</source>
        <translation>Choix, un par ligne</translation>
    </message>
    <message>
        <source>Save attribute</source>
        <translation>Enregistrer l’attribut</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Span attribute</source>
        <translation>Attribut de segment</translation>
    </message>
    <message>
        <source>English:</source>
        <translation>Anglais&#xa0;:</translation>
    </message>
    <message>
        <source>French:</source>
        <translation>Français&#xa0;:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description&#xa0;:</translation>
    </message>
    <message>
        <source>In French:</source>
        <translation>En français&#xa0;:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>S’applique à&#xa0;:</translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation>Choix&#xa0;:</translation>
    </message>
    <message>
        <source>{id}: {count} span(s) hold a value</source>
        <translation>{id}&#xa0;: {count} segment(s) ont une valeur</translation>
    </message>
    <message>
        <source>None ticked: every span label.</source>
        <translation>Aucune cochée&#xa0;: toutes les étiquettes de segment.</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Réactiver</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Backups of %1, newest first. The project is replaced by the backup you choose; the current file is kept beside it, named …before-restore….</source>
        <translation>Sauvegardes de %1, de la plus récente à la plus ancienne. Le projet est remplacé par la sauvegarde choisie&#xa0;; le fichier actuel est gardé à côté, nommé …before-restore….</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>BackupRestore</name>
    <message>
        <source>%1 is damaged (%2).

It can be opened read-only, to read and export what is still readable; nothing can be changed in it. Restoring a backup brings your work back as it was when the backup was made.</source>
        <translation>%1 est endommagé (%2).

Il peut être ouvert en lecture seule, pour lire et exporter ce qui est encore lisible&#xa0;; rien ne peut y être modifié. Restaurer une sauvegarde rend votre travail tel qu’il était lors de cette sauvegarde.</translation>
    </message>
    <message>
        <source>%1 is too damaged to open (%2).

Restoring a backup brings your work back as it was when the backup was made; the damaged file is kept beside it.</source>
        <translation>%1 est trop endommagé pour être ouvert (%2).

Restaurer une sauvegarde rend votre travail tel qu’il était lors de cette sauvegarde&#xa0;; le fichier endommagé est gardé à côté.</translation>
    </message>
    <message>
        <source>Damaged project</source>
        <translation>Projet endommagé</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>Keep it open read-only</source>
        <translation>Le garder ouvert en lecture seule</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1&#xa0;ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1&#xa0;Mo</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>No backup</source>
        <translation>Aucune sauvegarde</translation>
    </message>
    <message>
        <source>No backup of %1 was found. A backup is made automatically each time a sound project is opened (the newest five are kept).</source>
        <translation>Aucune sauvegarde de %1 n’a été trouvée. Une sauvegarde est faite automatiquement à chaque ouverture d’un projet sain (les cinq plus récentes sont gardées).</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>La restauration a échoué</translation>
    </message>
    <message>
        <source> The file it replaced is kept as %1.</source>
        <translation> Le fichier remplacé est gardé sous le nom %1.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>The project was brought back as it was on %1.</source>
        <translation>Le projet a été rétabli tel qu’il était le %1.</translation>
    </message>
</context>
<context>
    <name>ChoiceNamesDialog</name>
    <message>
        <source>English:</source>
        <translation>Anglais&#xa0;:</translation>
    </message>
    <message>
        <source>French:</source>
        <translation>Français&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ChooseCodebook</name>
    <message>
        <source>Import codebook</source>
        <translation>Importer une grille de codage</translation>
    </message>
    <message>
        <source>Labels are matched by id: new ones are added, changed ones updated, and labels the codebook lacks stay. You see every change before it is made.</source>
        <translation>Les étiquettes sont appariées par identifiant&#xa0;: les nouvelles sont ajoutées, celles qui changent mises à jour, et celles que la grille n’a pas restent. Vous voyez chaque changement avant qu’il soit fait.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>From a file…</source>
        <translation>Depuis un fichier…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Aperçu…</translation>
    </message>
    <message>
        <source>Codebook file</source>
        <translation>Fichier de grille de codage</translation>
    </message>
    <message>
        <source>Codebooks (*.json *.qdc);;All files (*)</source>
        <translation>Grilles de codage (*.json *.qdc);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <source>Edit codebook</source>
        <translation>Modifier la grille de codage</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Codebook labels</source>
        <translation>Étiquettes de la grille de codage</translation>
    </message>
    <message>
        <source>Add label…</source>
        <translation>Ajouter une étiquette…</translation>
    </message>
    <message>
        <source>Add sub-label…</source>
        <translation>Ajouter une sous-étiquette…</translation>
    </message>
    <message>
        <source>Add question…</source>
        <translation>Ajouter une question…</translation>
    </message>
    <message>
        <source>Add attribute…</source>
        <translation>Ajouter un attribut…</translation>
    </message>
    <message>
        <source>Import codebook…</source>
        <translation>Importer une grille de codage…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>English:</source>
        <translation>Anglais&#xa0;:</translation>
    </message>
    <message>
        <source>French:</source>
        <translation>Français&#xa0;:</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>one key, e.g. q</source>
        <translation>une touche, par ex. q</translation>
    </message>
    <message>
        <source>Set shortcut</source>
        <translation>Définir le raccourci</translation>
    </message>
    <message>
        <source>Colour and shortcut</source>
        <translation>Couleur et raccourci</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Couleur&#xa0;:</translation>
    </message>
    <message>
        <source>Shortcut:</source>
        <translation>Raccourci&#xa0;:</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Place in the tree</source>
        <translation>Place dans l’arbre</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Parent&#xa0;:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Ordre&#xa0;:</translation>
    </message>
    <message>
        <source>Save descriptions</source>
        <translation>Enregistrer les descriptions</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Span labels</source>
        <translation>Étiquettes de segments</translation>
    </message>
    <message>
        <source>Document questions</source>
        <translation>Questions sur les documents</translation>
    </message>
    <message>
        <source>Span attributes</source>
        <translation>Attributs des segments</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (archivée)</translation>
    </message>
    <message>
        <source>Select a label to edit it.</source>
        <translation>Sélectionnez une étiquette pour la modifier.</translation>
    </message>
    <message>
        <source>{id}: {spans} span(s), {answers} answer(s), {deleted} deleted</source>
        <translation>{id}&#xa0;: {spans} segment(s), {answers} réponse(s), {deleted} supprimé(s)</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(premier niveau)</translation>
    </message>
</context>
<context>
    <name>CodebookImport</name>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>French name</source>
        <translation>nom français</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>nature</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>couleur</translation>
    </message>
    <message>
        <source>key</source>
        <translation>touche</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>French description</source>
        <translation>description française</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>exemples</translation>
    </message>
    <message>
        <source>French examples</source>
        <translation>exemples français</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>several answers</source>
        <translation>plusieurs réponses</translation>
    </message>
    <message>
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>archivée</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>labels it applies to</source>
        <translation>étiquettes concernées</translation>
    </message>
    <message>
        <source>order of the choices</source>
        <translation>ordre des choix</translation>
    </message>
    <message>
        <source>attribute %1</source>
        <translation>attribut %1</translation>
    </message>
    <message>
        <source>%1: new choice “%2”</source>
        <translation>%1&#xa0;: nouveau choix «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1: choice “%2” removed</source>
        <translation>%1&#xa0;: choix «&#xa0;%2&#xa0;» supprimé</translation>
    </message>
    <message>
        <source>%1: choice “%2” renamed “%3”</source>
        <translation>%1&#xa0;: choix «&#xa0;%2&#xa0;» renommé «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>%1: %2 “%3” becomes “%4”</source>
        <translation>%1&#xa0;: %2 «&#xa0;%3&#xa0;» devient «&#xa0;%4&#xa0;»</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 missing from the file (kept in the project)</source>
        <translation>%1 nouvelles, %2 modifiées, %3 inchangées, %4 absentes du fichier (gardées dans le projet)</translation>
    </message>
    <message>
        <source>new: %1</source>
        <translation>nouvelle&#xa0;: %1</translation>
    </message>
    <message>
        <source>new attribute: %1</source>
        <translation>nouvel attribut&#xa0;: %1</translation>
    </message>
    <message>
        <source>kept, though not in the file: %1</source>
        <translation>gardée, bien qu’absente du fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CodebookOperations</name>
    <message>
        <source>Codebook</source>
        <translation>Grille de codage</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Nouvelle question</translation>
    </message>
    <message>
        <source>The question coders answer about each document:</source>
        <translation>La question à laquelle les codeurs répondent pour chaque document&#xa0;:</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>Name of the new label:</source>
        <translation>Nom de la nouvelle étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Colour of {name}</source>
        <translation>Couleur de {name}</translation>
    </message>
    <message>
        <source>Merge label</source>
        <translation>Fusionner l’étiquette</translation>
    </message>
    <message>
        <source>Move every annotation of {name} to:</source>
        <translation>Déplacer toutes les annotations de {name} vers&#xa0;:</translation>
    </message>
    <message>
        <source>Move {spans} span(s) and {answers} answer(s) of {merged} to {kept}, then retire {merged}?</source>
        <translation>Déplacer {spans} segment(s) et {answers} réponse(s) de {merged} vers {kept}, puis archiver {merged}&#xa0;?</translation>
    </message>
    <message>
        <source>Shortcuts cleared because live labels use them: {keys}</source>
        <translation>Raccourcis effacés car des étiquettes actives les utilisent&#xa0;: {keys}</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message>
        <source>Delete {name}? Only labels that no annotation uses can be deleted.</source>
        <translation>Supprimer {name}&#xa0;? Seules les étiquettes qu’aucune annotation n’utilise peuvent être supprimées.</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>Codebook labels</source>
        <translation>Étiquettes de la grille de codage</translation>
    </message>
    <message>
        <source>Click a label to apply it; untick its box to hide its spans in the text.</source>
        <translation>Cliquez sur une étiquette pour l’appliquer&#xa0;; décochez sa case pour masquer ses segments dans le texte.</translation>
    </message>
</context>
<context>
    <name>DisagreementView</name>
    <message>
        <source>Disagreements and adjudication — %s</source>
        <translation>Désaccords et arbitrage — %s</translation>
    </message>
    <message>
        <source>&lt;b&gt;Documents&lt;/b&gt;, most disagreement first</source>
        <translation>&lt;b&gt;Documents&lt;/b&gt;, les plus en désaccord d’abord</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>u-α</source>
        <translation>u-α</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 exact</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Documents ranked by disagreement</source>
        <translation>Documents classés par désaccord</translation>
    </message>
    <message>
        <source>Article text with every annotator&apos;s spans</source>
        <translation>Texte de l’article avec les segments de chaque annotateur</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Computing agreement per document…</source>
        <translation>Calcul de l’accord par document…</translation>
    </message>
    <message>
        <source>The agreement could not be computed: %s</source>
        <translation>L’accord n’a pas pu être calculé&#xa0;: %s</translation>
    </message>
    <message>
        <source>Computation cancelled.</source>
        <translation>Calcul annulé.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 documents&lt;/b&gt; coded by two or more annotators, most disagreement first (lowest unitizing alpha, then lowest exact F1).</source>
        <translation>&lt;b&gt;%1 documents&lt;/b&gt; codés par au moins deux annotateurs, les plus en désaccord d’abord (alpha d’unitisation le plus bas, puis F1 exact le plus bas).</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:15px&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;&lt;br&gt;unitizing α %2 · exact F1 %3 · overlap F1 %4 · character κ %5</source>
        <translation>&lt;span style=&apos;font-size:15px&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;&lt;br&gt;α d’unitisation %2 · F1 exact %3 · F1 par chevauchement %4 · κ par caractère %5</translation>
    </message>
    <message>
        <source>gold standard</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>solid: not marked the same by every annotator · dashed: all agree</source>
        <translation>trait plein&#xa0;: pas marqué de la même façon par tous les annotateurs · pointillé&#xa0;: tous d’accord</translation>
    </message>
    <message>
        <source>every annotator marked this</source>
        <translation>tous les annotateurs l’ont marqué</translation>
    </message>
    <message>
        <source>not marked so by %s</source>
        <translation>pas marqué ainsi par %s</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <source>Which documents</source>
        <translation>Quels documents</translation>
    </message>
    <message>
        <source>My documents</source>
        <translation>Mes documents</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>Filter by title, outlet or date</source>
        <translation>Filtrer par titre, média ou date</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Filtrer les documents</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>DocumentNavigation</name>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Every document after this one is done.</source>
        <translation>Tous les documents suivants sont terminés.</translation>
    </message>
    <message>
        <source>This article was done already.</source>
        <translation>Cet article était déjà terminé.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <source>This article is not done: nothing to re-open.</source>
        <translation>Cet article n’est pas terminé&#xa0;: rien à rouvrir.</translation>
    </message>
    <message>
        <source>Re-open article</source>
        <translation>Rouvrir l’article</translation>
    </message>
    <message>
        <source>Re-opened: this article is in progress again.</source>
        <translation>Rouvert&#xa0;: cet article est de nouveau en cours.</translation>
    </message>
</context>
<context>
    <name>EmptyProjectPrompt</name>
    <message>
        <source>&lt;h2&gt;This project has no articles yet&lt;/h2&gt;&lt;p&gt;Import web pages, text, XML or CSV/JSON Lines corpora with &lt;b&gt;File &amp;gt; Import articles…&lt;/b&gt; (&lt;b&gt;Ctrl+I&lt;/b&gt;), a whole folder with &lt;b&gt;File &amp;gt; Import a folder…&lt;/b&gt;, or drop files or folders here.&lt;/p&gt;&lt;p&gt;Once an article is open, select words and press a label&apos;s key to annotate them.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Ce projet n’a pas encore d’articles&lt;/h2&gt;&lt;p&gt;Importez des pages web, du texte, du XML ou des corpus CSV/JSON Lines avec &lt;b&gt;Fichier &amp;gt; Importer des articles…&lt;/b&gt; (&lt;b&gt;Ctrl+I&lt;/b&gt;), un dossier entier avec &lt;b&gt;Fichier &amp;gt; Importer un dossier…&lt;/b&gt;, ou déposez des fichiers ou des dossiers ici.&lt;/p&gt;&lt;p&gt;Une fois un article ouvert, sélectionnez des mots et appuyez sur la touche d’une étiquette pour les annoter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>Importer des articles…</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Importer un dossier…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV table (pandas, R, Excel)</source>
        <translation>Tableau CSV (pandas, R, Excel)</translation>
    </message>
    <message>
        <source>JSONL (doccano shape)</source>
        <translation>JSONL (format doccano)</translation>
    </message>
    <message>
        <source>brat standoff (folder)</source>
        <translation>brat standoff (dossier)</translation>
    </message>
    <message>
        <source>CoNLL BIO tokens</source>
        <translation>Jetons BIO CoNLL</translation>
    </message>
    <message>
        <source>REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)</source>
        <translation>Projet REFI-QDA (MAXQDA, ATLAS.ti, NVivo, QualCoder)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook only</source>
        <translation>Grille de codage REFI-QDA seule</translation>
    </message>
    <message>
        <source>Label Studio tasks (with the labeling configuration)</source>
        <translation>Tâches Label Studio (avec la configuration d’annotation)</translation>
    </message>
    <message>
        <source>Parquet tables (pandas, polars, R, DuckDB; a folder)</source>
        <translation>Tables Parquet (pandas, polars, R, DuckDB&#x202f;; un dossier)</translation>
    </message>
    <message>
        <source>spans (one row per span)</source>
        <translation>segments (une ligne par segment)</translation>
    </message>
    <message>
        <source>documents (one row per document and annotator)</source>
        <translation>documents (une ligne par document et par annotateur)</translation>
    </message>
    <message>
        <source>document labels (one row per answer)</source>
        <translation>réponses aux questions (une ligne par réponse)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Annotateurs</translation>
    </message>
    <message>
        <source>Include the gold standard (adjudicated spans)</source>
        <translation>Inclure la référence (segments arbitrés)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Only documents marked done</source>
        <translation>Seulement les documents marqués comme terminés</translation>
    </message>
    <message>
        <source>For Excel (BOM, formulas neutralised)</source>
        <translation>Pour Excel (BOM, formules neutralisées)</translation>
    </message>
    <message>
        <source>One file per annotator, as doccano keeps them (a folder)</source>
        <translation>Un fichier par annotateur, comme doccano les range (un dossier)</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Table (CSV, Excel)</source>
        <translation>Table (CSV, Excel)</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exporter dans le dossier</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;Excel workbook (*.xlsx);;Tab-separated table (*.tsv)</source>
        <translation>Table CSV (*.csv);;Classeur Excel (*.xlsx);;Table séparée par des tabulations (*.tsv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
</context>
<context>
    <name>FileCare</name>
    <message>
        <source>Read-only project</source>
        <translation>Projet en lecture seule</translation>
    </message>
    <message>
        <source>%1 is read-only (the file or its folder cannot be written to). It is open for reading only; to work in it, save a copy in a folder of your own (File &gt; Save a copy).</source>
        <translation>%1 est en lecture seule (le fichier ou son dossier ne peut pas être modifié). Il est ouvert pour la lecture seulement&#xa0;; pour y travailler, enregistrez-en une copie dans un dossier à vous (Fichier &gt; Enregistrer une copie).</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>Damaged: read-only</source>
        <translation>Endommagé&#xa0;: lecture seule</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.framing)</source>
        <translation>Projets Framing Annotator (*.framing)</translation>
    </message>
    <message>
        <source>Copy saved as %1</source>
        <translation>Copie enregistrée sous %1</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Enregistrement d’une copie…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
</context>
<context>
    <name>FindActions</name>
    <message>
        <source>%s found</source>
        <translation>%s trouvé(s)</translation>
    </message>
    <message>
        <source>Label all</source>
        <translation>Tout étiqueter</translation>
    </message>
    <message>
        <source>No occurrence found.</source>
        <translation>Aucune occurrence trouvée.</translation>
    </message>
    <message>
        <source>Label all “%s”</source>
        <translation>Étiqueter toutes les occurrences de «&#xa0;%s&#xa0;»</translation>
    </message>
    <message>
        <source>%s span(s) added</source>
        <translation>%s segment(s) ajouté(s)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Previous occurrence</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>Suivante (Entrée)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Match accents</source>
        <translation>Respecter les accents</translation>
    </message>
    <message>
        <source>Off: liberte finds liberté. Apostrophes (&apos; ’) and no-break spaces always match.</source>
        <translation>Décoché&#xa0;: liberte trouve liberté. Les apostrophes (&apos; ’) et les espaces insécables correspondent toujours.</translation>
    </message>
    <message>
        <source>Label for all occurrences</source>
        <translation>Étiquette pour toutes les occurrences</translation>
    </message>
    <message>
        <source>Whole corpus</source>
        <translation>Tout le corpus</translation>
    </message>
    <message>
        <source>Label all…</source>
        <translation>Tout étiqueter…</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>Label all as:</source>
        <translation>Tout étiqueter comme&#xa0;:</translation>
    </message>
</context>
<context>
    <name>GoldActions</name>
    <message>
        <source>Only the project lead builds the gold standard in this project.</source>
        <translation>Dans ce projet, seul le responsable du projet constitue la référence.</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <source>%1 added to gold</source>
        <translation>%1 ajouté(s) à la référence</translation>
    </message>
    <message>
        <source>; %1 already there</source>
        <translation>&#xa0;; %1 déjà présent(s)</translation>
    </message>
    <message>
        <source>Select a span in the table or the text first.</source>
        <translation>Sélectionnez d’abord un segment dans le tableau ou le texte.</translation>
    </message>
    <message>
        <source>This span is in the gold standard already.</source>
        <translation>Ce segment figure déjà dans la référence.</translation>
    </message>
    <message>
        <source>Accept into gold</source>
        <translation>Accepter dans la référence</translation>
    </message>
    <message>
        <source>Select a row that has a gold span.</source>
        <translation>Sélectionnez une ligne qui comporte un segment de référence.</translation>
    </message>
    <message>
        <source>Remove from gold</source>
        <translation>Retirer de la référence</translation>
    </message>
    <message>
        <source>Removed from gold.</source>
        <translation>Retiré de la référence.</translation>
    </message>
    <message>
        <source>Select some words in the text first.</source>
        <translation>Sélectionnez d’abord des mots dans le texte.</translation>
    </message>
    <message>
        <source>Add to gold</source>
        <translation>Ajouter à la référence</translation>
    </message>
    <message>
        <source>Accept agreed spans</source>
        <translation>Accepter les segments consensuels</translation>
    </message>
    <message>
        <source>Accept into gold the spans agreed by %1 in all %2 listed documents?</source>
        <translation>Accepter dans la référence les segments marqués par %1 dans les %2 documents listés&#xa0;?</translation>
    </message>
    <message>
        <source>Accept agreed answers</source>
        <translation>Accepter les réponses concordantes</translation>
    </message>
    <message>
        <source>Gold answer</source>
        <translation>Réponse de référence</translation>
    </message>
    <message>
        <source>Gold answer saved.</source>
        <translation>Réponse de référence enregistrée.</translation>
    </message>
    <message>
        <source>Gold answer cleared.</source>
        <translation>Réponse de référence effacée.</translation>
    </message>
    <message>
        <source>Document settled</source>
        <translation>Document tranché</translation>
    </message>
    <message>
        <source>Document opened again</source>
        <translation>Document rouvert</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <source>Articles and annotated files (%1)</source>
        <translation>Articles et fichiers annotés (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>Importer un dossier d’articles</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’import</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>Importing articles…</source>
        <translation>Import des articles…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Import codebook — %s</source>
        <translation>Importer la grille de codage — %s</translation>
    </message>
    <message>
        <source>Importing “%s” would make these changes. Nothing changes until you press Import.</source>
        <translation>Importer «&#xa0;%s&#xa0;» ferait ces changements. Rien ne change avant que vous cliquiez sur Importer.</translation>
    </message>
    <message>
        <source>Changes the import would make</source>
        <translation>Changements que ferait l’import</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>LabelAllPreview</name>
    <message>
        <source>Label all occurrences</source>
        <translation>Étiqueter toutes les occurrences</translation>
    </message>
    <message>
        <source>%1 occurrence(s) in %2 document(s) will be labelled “%3”. Untick those that should not be.</source>
        <translation>%1 occurrence(s) dans %2 document(s) recevront l’étiquette «&#xa0;%3&#xa0;». Décochez celles qui ne doivent pas l’être.</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>(already labelled)</source>
        <translation>(déjà étiquetée)</translation>
    </message>
    <message>
        <source>Label ticked occurrences</source>
        <translation>Étiqueter les occurrences cochées</translation>
    </message>
</context>
<context>
    <name>LearningController</name>
    <message>
        <source>Model: learning…</source>
        <translation>Modèle&#xa0;: apprentissage…</translation>
    </message>
    <message>
        <source>Model: could not learn (see the log)</source>
        <translation>Modèle&#xa0;: l’apprentissage a échoué (voir le journal)</translation>
    </message>
    <message>
        <source>Model: failed</source>
        <translation>Modèle&#xa0;: échec</translation>
    </message>
    <message>
        <source>Model: needs spans in %s articles to learn</source>
        <translation>Modèle&#xa0;: il faut des segments dans %s articles pour apprendre</translation>
    </message>
    <message>
        <source>Model: needs spans</source>
        <translation>Modèle&#xa0;: il faut des segments</translation>
    </message>
    <message>
        <source>Model: learnt from %s articles</source>
        <translation>Modèle&#xa0;: appris sur %s articles</translation>
    </message>
    <message>
        <source>Model: %s articles</source>
        <translation>Modèle&#xa0;: %s articles</translation>
    </message>
    <message>
        <source>Trained %1 in %2 s. Review &gt; Agreement &gt; Model and detectors shows how far it agrees with each annotator.</source>
        <translation>Entraîné le %1 en %2 s. Révision &gt; Accord inter-annotateurs &gt; Modèle et détecteurs montre son accord avec chaque annotateur.</translation>
    </message>
    <message>
        <source>The model is still ranking the articles; the list order is used meanwhile.</source>
        <translation>Le modèle classe encore les articles&#xa0;; l’ordre de la liste s’applique en attendant.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Framing Annotator — %s</source>
        <translation>Framing Annotator — %s</translation>
    </message>
    <message>
        <source>Tip: select words in the text, then press a label&apos;s key (shown in the codebook panel on the right). Ctrl+Z undoes, Ctrl+D marks the article done, F1 lists every shortcut.</source>
        <translation>Astuce&#xa0;: sélectionnez des mots dans le texte, puis appuyez sur la touche d’une étiquette (indiquée dans la grille de codage à droite). Ctrl+Z annule, Ctrl+D marque l’article comme terminé, F1 liste tous les raccourcis.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <source>Codebook, spans and questions</source>
        <translation>Grille de codage, segments et questions</translation>
    </message>
    <message>
        <source>Suggestions (%s)</source>
        <translation>Suggestions (%s)</translation>
    </message>
    <message>
        <source>Spans and suggestions</source>
        <translation>Segments et suggestions</translation>
    </message>
    <message>
        <source>Project: %s</source>
        <translation>Projet&#xa0;: %s</translation>
    </message>
    <message>
        <source>Annotator: %s</source>
        <translation>Annotateur&#xa0;: %s</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Enregistré à %s</translation>
    </message>
    <message>
        <source>About Framing Annotator</source>
        <translation>À propos de Framing Annotator</translation>
    </message>
    <message>
        <source>&lt;b&gt;Framing Annotator&lt;/b&gt; %1&lt;br&gt;Annotate how news articles frame events.&lt;br&gt;&lt;br&gt;Project file: %2</source>
        <translation>&lt;b&gt;Framing Annotator&lt;/b&gt; %1&lt;br&gt;Annoter la manière dont les articles de presse cadrent les événements.&lt;br&gt;&lt;br&gt;Fichier du projet&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <source>Memo on this article</source>
        <translation>Mémo sur cet article</translation>
    </message>
    <message>
        <source>Your notes on this article: its frame, doubts, what to discuss…</source>
        <translation>Vos notes sur cet article&#xa0;: son cadrage, vos doutes, ce qu’il faut discuter…</translation>
    </message>
    <message>
        <source>Saved as you type, with your annotations of this article.</source>
        <translation>Enregistré pendant la saisie, avec vos annotations de cet article.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Label key (see the codebook panel)</source>
        <translation>Touche d’étiquette (voir la grille de codage)</translation>
    </message>
    <message>
        <source>Label the selection, or relabel the selected span</source>
        <translation>Étiqueter la sélection, ou changer l’étiquette du segment sélectionné</translation>
    </message>
    <message>
        <source>Shift+←/→/↑/↓</source>
        <translation>Maj+←/→/↑/↓</translation>
    </message>
    <message>
        <source>Select text from the keyboard</source>
        <translation>Sélectionner du texte au clavier</translation>
    </message>
    <message>
        <source>Alt+↓ / Alt+↑</source>
        <translation>Alt+↓ / Alt+↑</translation>
    </message>
    <message>
        <source>Cycle through the spans under the cursor</source>
        <translation>Passer d’un segment à l’autre sous le curseur</translation>
    </message>
    <message>
        <source>Alt+Shift+→ / ←</source>
        <translation>Alt+Maj+→ / ←</translation>
    </message>
    <message>
        <source>Move the selected span&apos;s end by a word</source>
        <translation>Déplacer la fin du segment sélectionné d’un mot</translation>
    </message>
    <message>
        <source>Ctrl+Alt+← / →</source>
        <translation>Ctrl+Alt+← / →</translation>
    </message>
    <message>
        <source>Move the selected span&apos;s start by a word</source>
        <translation>Déplacer le début du segment sélectionné d’un mot</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Edit the selected span&apos;s note and attributes</source>
        <translation>Modifier la note et les attributs du segment sélectionné</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation>Supprimer le segment sélectionné</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Deselect the span</source>
        <translation>Désélectionner le segment</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Ouvrir le projet de &amp;démonstration</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation>&amp;Importer des articles…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Importer un do&amp;ssier…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Rec&amp;hercher…</translation>
    </message>
    <message>
        <source>Span &amp;note and attributes…</source>
        <translation>&amp;Note et attributs du segment…</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>&amp;Supprimer le segment</translation>
    </message>
    <message>
        <source>Edit &amp;codebook…</source>
        <translation>Modifier la &amp;grille de codage…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>Document &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>Document &amp;précédent</translation>
    </message>
    <message>
        <source>Next document &amp;not done</source>
        <translation>Prochain document &amp;non terminé</translation>
    </message>
    <message>
        <source>&amp;Mark done (and go to the next)</source>
        <translation>&amp;Marquer comme terminé (et passer au suivant)</translation>
    </message>
    <message>
        <source>Next not done: the article the model is least &amp;sure about</source>
        <translation>Suivant non terminé&#xa0;: l’article dont le modèle est le moins &amp;sûr</translation>
    </message>
    <message>
        <source>&amp;Re-open this article (no longer done)</source>
        <translation>&amp;Rouvrir cet article (plus terminé)</translation>
    </message>
    <message>
        <source>Go to the &amp;document list</source>
        <translation>Aller à la liste des &amp;documents</translation>
    </message>
    <message>
        <source>Go to the &amp;text</source>
        <translation>Aller au &amp;texte</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <source>Snap selections to &amp;whole words</source>
        <translation>Étendre les sélections aux &amp;mots entiers</translation>
    </message>
    <message>
        <source>Show &amp;suggestions (framing devices the app found)</source>
        <translation>Afficher les &amp;suggestions (procédés de cadrage repérés par l’application)</translation>
    </message>
    <message>
        <source>Show the &amp;model&apos;s recommendations (it learns from the annotations)</source>
        <translation>Afficher les recommandations du &amp;modèle (il apprend des annotations)</translation>
    </message>
    <message>
        <source>Show label &amp;names beside the text</source>
        <translation>Afficher les &amp;noms d’étiquettes à côté du texte</translation>
    </message>
    <message>
        <source>&amp;Coded segments of a label…</source>
        <translation>&amp;Segments codés d’une étiquette…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;About Framing Annotator</source>
        <translation>À &amp;propos de Framing Annotator</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <source>The user guide could not be opened. It is the Markdown file %1.</source>
        <translation>Le guide d’utilisation n’a pas pu être ouvert. C’est le fichier Markdown %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>unitizing alpha needs at least two annotators</source>
        <translation>l’alpha d’unitisation demande au moins deux annotateurs</translation>
    </message>
    <message>
        <source>unitizing alpha needs at least two annotators: {who} (list every annotator taking part, including those who marked nothing)</source>
        <translation>l’alpha d’unitisation demande au moins deux annotateurs&#xa0;: {who} (nommez chaque annotateur qui participe, y compris ceux qui n’ont rien marqué)</translation>
    </message>
    <message>
        <source>unitizing alpha is not defined: no annotator marked any span</source>
        <translation>l’alpha d’unitisation n’est pas défini&#xa0;: aucun annotateur n’a marqué de segment</translation>
    </message>
    <message>
        <source>unitizing alpha is not defined: every character is a one-character unit for every annotator, so no disagreement is expected by chance</source>
        <translation>l’alpha d’unitisation n’est pas défini&#xa0;: chaque caractère est une unité d’un caractère pour chaque annotateur, donc aucun désaccord n’est attendu par hasard</translation>
    </message>
    <message>
        <source>unitizing alpha is not defined for an empty text</source>
        <translation>l’alpha d’unitisation n’est pas défini pour un texte vide</translation>
    </message>
    <message>
        <source>alpha is not defined: no unit has values from two or more coders, so no pair of values can be compared</source>
        <translation>alpha n’est pas défini&#xa0;: aucune unité n’a de valeurs de deux codeurs ou plus, donc aucune paire de valeurs ne peut être comparée</translation>
    </message>
    <message>
        <source>alpha is not defined: all {n} pairable values are {value}; without any variation agreement beyond chance cannot be measured</source>
        <translation>alpha n’est pas défini&#xa0;: les {n} valeurs appariables sont toutes {value}&#xa0;; sans aucune variation, l’accord au-delà du hasard ne peut pas être mesuré</translation>
    </message>
    <message>
        <source>span F1 is not defined: neither annotator marked a span</source>
        <translation>le F1 des segments n’est pas défini&#xa0;: aucun des deux annotateurs n’a marqué de segment</translation>
    </message>
    <message>
        <source>character kappa is not defined: every character is {only} for both annotators (no span was marked)</source>
        <translation>le kappa par caractère n’est pas défini&#xa0;: chaque caractère est {only} pour les deux annotateurs (aucun segment marqué)</translation>
    </message>
    <message>
        <source>character kappa is not defined: every character is {only} for both annotators (everything is {same})</source>
        <translation>le kappa par caractère n’est pas défini&#xa0;: chaque caractère est {only} pour les deux annotateurs (tout est {same})</translation>
    </message>
    <message>
        <source>character kappa is not defined for an empty text</source>
        <translation>le kappa par caractère n’est pas défini pour un texte vide</translation>
    </message>
    <message>
        <source>no resample gave a defined value, so there is no interval</source>
        <translation>aucun rééchantillonnage n’a donné de valeur définie, donc pas d’intervalle</translation>
    </message>
    <message>
        <source>a bootstrap over documents needs at least two documents</source>
        <translation>un bootstrap sur les documents demande au moins deux documents</translation>
    </message>
    <message>
        <source>fewer than two annotators answered this question ({names})</source>
        <translation>moins de deux annotateurs ont répondu à cette question ({names})</translation>
    </message>
    <message>
        <source>no document was answered by all {n} annotators</source>
        <translation>aucun document n’a reçu de réponse des {n} annotateurs</translation>
    </message>
    <message>
        <source>not defined: no unit has a value from both coders</source>
        <translation>non défini&#xa0;: aucune unité n’a de valeur des deux codeurs</translation>
    </message>
    <message>
        <source>kappa is not defined: there is no unit rated by both coders</source>
        <translation>kappa n’est pas défini&#xa0;: aucune unité n’est codée par les deux codeurs</translation>
    </message>
    <message>
        <source>kappa is not defined: both coders used one and the same category for every unit, so the agreement expected by chance is already complete</source>
        <translation>kappa n’est pas défini&#xa0;: les deux codeurs ont utilisé une seule et même catégorie pour toutes les unités, l’accord attendu par hasard est donc déjà complet</translation>
    </message>
    <message>
        <source>pi is not defined: both coders used one and the same category for every unit</source>
        <translation>pi n’est pas défini&#xa0;: les deux codeurs ont utilisé une seule et même catégorie pour toutes les unités</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa is not defined for fewer than two coders</source>
        <translation>le kappa de Fleiss n’est pas défini pour moins de deux codeurs</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa is not defined: there is no unit</source>
        <translation>le kappa de Fleiss n’est pas défini&#xa0;: il n’y a aucune unité</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa needs complete data: unit {unit} has no value from coder {coder}</source>
        <translation>le kappa de Fleiss demande des données complètes&#xa0;: l’unité {unit} n’a pas de valeur du codeur {coder}</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa is not defined: every coder gave every unit the same category</source>
        <translation>le kappa de Fleiss n’est pas défini&#xa0;: chaque codeur a donné la même catégorie à toutes les unités</translation>
    </message>
    <message>
        <source>the computation gave no number for this data</source>
        <translation>le calcul n’a donné aucun nombre pour ces données</translation>
    </message>
    <message>
        <source>no pair of annotators gives a defined {what} ({reason})</source>
        <translation>aucune paire d’annotateurs ne donne de {what} défini ({reason})</translation>
    </message>
    <message>
        <source>no pair of annotators gives a defined {what}</source>
        <translation>aucune paire d’annotateurs ne donne de {what} défini</translation>
    </message>
    <message>
        <source>no document was coded by all {n} annotators ({names}); see the pairwise and per-document figures</source>
        <translation>aucun document n’a été codé par les {n} annotateurs ({names})&#xa0;; voyez les chiffres par paire et par document</translation>
    </message>
    <message>
        <source>no interval: too few documents for a bootstrap over documents ({n} of the {m} needed)</source>
        <translation>pas d’intervalle&#xa0;: trop peu de documents pour un bootstrap sur les documents ({n} sur les {m} nécessaires)</translation>
    </message>
    <message>
        <source>too few resamples contain this label</source>
        <translation>trop peu de rééchantillonnages contiennent cette étiquette</translation>
    </message>
    <message>
        <source>no document was coded by both {a} and {b}</source>
        <translation>aucun document n’a été codé à la fois par {a} et par {b}</translation>
    </message>
    <message>
        <source>no annotator marked this label in the documents every annotator coded</source>
        <translation>aucun annotateur n’a marqué cette étiquette dans les documents codés par tous</translation>
    </message>
    <message>
        <source>several answers allowed: each annotator&apos;s set of answers is one nominal value</source>
        <translation>plusieurs réponses permises&#xa0;: l’ensemble des réponses de chaque annotateur est une valeur nominale</translation>
    </message>
    <message>
        <source>1 answer &apos;unsure&apos; or outside the scale was left out of the {level} figures: {values}</source>
        <translation>1 réponse «&#xa0;incertain&#xa0;» ou hors de l’échelle a été écartée des chiffres de niveau {level}&#xa0;: {values}</translation>
    </message>
    <message>
        <source>{n} answers &apos;unsure&apos; or outside the scale were left out of the {level} figures: {values}</source>
        <translation>{n} réponses «&#xa0;incertain&#xa0;» ou hors de l’échelle ont été écartées des chiffres de niveau {level}&#xa0;: {values}</translation>
    </message>
    <message>
        <source>coding is blind in this project: {viewer} sees only their own work, not {whose}</source>
        <translation>le codage est à l’aveugle dans ce projet&#xa0;: {viewer} ne voit que son propre travail, pas {whose}</translation>
    </message>
    <message>
        <source>{name} is the project lead; make someone else lead before retiring them</source>
        <translation>{name} est responsable du projet&#xa0;; nommez un autre responsable avant de l’archiver</translation>
    </message>
    <message>
        <source>{leads} leads this project; only a lead changes roles</source>
        <translation>{leads} dirige ce projet&#xa0;; seul un responsable change les rôles</translation>
    </message>
    <message>
        <source>only the project lead ({leads}) turns blind coding on or off</source>
        <translation>seul le responsable du projet ({leads}) active ou désactive le codage à l’aveugle</translation>
    </message>
    <message>
        <source>every document is assigned already; nothing to plan</source>
        <translation>chaque document est déjà attribué&#xa0;; rien à planifier</translation>
    </message>
    <message>
        <source>automatic assignment needs at least one annotator</source>
        <translation>l’attribution automatique demande au moins un annotateur</translation>
    </message>
    <message>
        <source>cannot give each document {n} annotators: only {m} ({names}) were named</source>
        <translation>impossible de donner {n} annotateurs à chaque document&#xa0;: seuls {m} ({names}) ont été choisis</translation>
    </message>
    <message>
        <source>an annotator needs a name</source>
        <translation>un annotateur doit avoir un nom</translation>
    </message>
    <message>
        <source>{name} is reserved for the gold standard, which only adjudication writes</source>
        <translation>{name} est réservé à la référence, que seul l’arbitrage écrit</translation>
    </message>
    <message>
        <source>{name} is a computer account, not a person: give your own name</source>
        <translation>{name} est un compte de l’ordinateur, pas une personne&#xa0;: donnez votre propre nom</translation>
    </message>
    <message>
        <source>the name {name} is too long: an annotator&apos;s name has at most {n} characters (this one has {m})</source>
        <translation>le nom {name} est trop long&#xa0;: le nom d’un annotateur a au plus {n}&#xa0;caractères (celui-ci en a {m})</translation>
    </message>
    <message>
        <source>label {label}: shortcut {key} is not a key the article text catches ({found}): use a letter a–z or a digit 0–9, alone or with Alt or Ctrl (keys such as é, ; or F2 never label anything)</source>
        <translation>étiquette {label}&#xa0;: le raccourci {key} n’est pas une touche que le texte de l’article reçoit ({found})&#xa0;: utilisez une lettre a–z ou un chiffre 0–9, seuls ou avec Alt ou Ctrl (des touches comme é,&#xa0;; ou F2 n’étiquettent jamais rien)</translation>
    </message>
    <message>
        <source>label {label}: shortcut {key} only types a capital letter: use the key alone, or add Alt or Ctrl</source>
        <translation>étiquette {label}&#xa0;: le raccourci {key} ne fait que taper une majuscule&#xa0;: utilisez la touche seule, ou ajoutez Alt ou Ctrl</translation>
    </message>
    <message>
        <source>label {label}: shortcut {key} uses the Meta (Windows, Command) key, which never reaches the article text: use Ctrl or Alt</source>
        <translation>étiquette {label}&#xa0;: le raccourci {key} utilise la touche Méta (Windows, Commande), qui n’atteint jamais le texte de l’article&#xa0;: utilisez Ctrl ou Alt</translation>
    </message>
    <message>
        <source>shortcut {key} is already used by label {owner}; choose another key or clear that label&apos;s shortcut first</source>
        <translation>le raccourci {key} est déjà pris par l’étiquette {owner}&#xa0;; choisissez une autre touche ou videz d’abord le raccourci de cette étiquette</translation>
    </message>
    <message>
        <source>answers use {choice}; retire it instead (its answers stay)</source>
        <translation>des réponses utilisent {choice}&#xa0;; archivez-le plutôt (ses réponses restent)</translation>
    </message>
    <message>
        <source>{choice} is the last choice {question} offers; add another first</source>
        <translation>{choice} est le dernier choix que propose {question}&#xa0;; ajoutez-en d’abord un autre</translation>
    </message>
    <message>
        <source>1 answer to {question} holds several choices; it must keep taking several answers</source>
        <translation>1 réponse à {question} contient plusieurs choix&#xa0;; elle doit continuer d’accepter plusieurs réponses</translation>
    </message>
    <message>
        <source>{n} answers to {question} hold several choices; it must keep taking several answers</source>
        <translation>{n} réponses à {question} contiennent plusieurs choix&#xa0;; elle doit continuer d’accepter plusieurs réponses</translation>
    </message>
    <message>
        <source>1 span holds a value for {name}; retire it instead</source>
        <translation>1 segment a une valeur pour {name}&#xa0;; archivez-le plutôt</translation>
    </message>
    <message>
        <source>{n} spans hold a value for {name}; retire it instead</source>
        <translation>{n} segments ont une valeur pour {name}&#xa0;; archivez-le plutôt</translation>
    </message>
    <message>
        <source>spans hold {choices} for {name}; keep those choices</source>
        <translation>des segments ont {choices} pour {name}&#xa0;; gardez ces choix</translation>
    </message>
    <message>
        <source>question {question} keeps choice {choices}: answers in this project use it</source>
        <translation>la question {question} garde le choix {choices}&#xa0;: des réponses du projet l’utilisent</translation>
    </message>
    <message>
        <source>question {question} keeps choices {choices}: answers in this project use them</source>
        <translation>la question {question} garde les choix {choices}&#xa0;: des réponses du projet les utilisent</translation>
    </message>
    <message>
        <source>label {label} does not take the shortcut {key} from label {owner} of the project; it keeps {own}</source>
        <translation>l’étiquette {label} ne prend pas le raccourci {key} à l’étiquette {owner} du projet&#xa0;; elle garde {own}</translation>
    </message>
    <message>
        <source>label {label} does not take the shortcut {key} from label {owner} of the project</source>
        <translation>l’étiquette {label} ne prend pas le raccourci {key} à l’étiquette {owner} du projet</translation>
    </message>
    <message>
        <source>label {label} lost its shortcut {key}: another label has it</source>
        <translation>l’étiquette {label} perd son raccourci {key}&#xa0;: une autre étiquette l’a</translation>
    </message>
    <message>
        <source>label {label} (kept) moved to the top level: its parent {parent} is no longer of the same kind</source>
        <translation>l’étiquette {label} (gardée) passe au premier niveau&#xa0;: son parent {parent} n’est plus de la même nature</translation>
    </message>
    <message>
        <source>attribute {attribute} (kept) removed: its labels {labels} are now questions</source>
        <translation>attribut {attribute} (gardé) supprimé&#xa0;: ses étiquettes {labels} sont maintenant des questions</translation>
    </message>
    <message>
        <source>attribute {attribute} (kept) no longer applies to {labels}</source>
        <translation>l’attribut {attribute} (gardé) ne s’applique plus à {labels}</translation>
    </message>
    <message>
        <source>the project&apos;s codebook keeps its name {name} (the file&apos;s is {other})</source>
        <translation>la grille de codage du projet garde son nom {name} (celui du fichier est {other})</translation>
    </message>
    <message>
        <source>{path}: is damaged, so nothing can be changed in it (it is open read-only)</source>
        <translation>{path}&#xa0;: est endommagé, rien ne peut donc y être modifié (il est ouvert en lecture seule)</translation>
    </message>
    <message>
        <source>{path}: is damaged ({detail}); nothing was saved</source>
        <translation>{path}&#xa0;: est endommagé ({detail})&#xa0;; rien n’a été enregistré</translation>
    </message>
    <message>
        <source>{path}: is damaged ({detail})</source>
        <translation>{path}&#xa0;: est endommagé ({detail})</translation>
    </message>
    <message>
        <source>{path}: carries the Framing Annotator mark but has no project tables: it was never finished or it is damaged</source>
        <translation>{path}&#xa0;: porte la marque de Framing Annotator mais n’a pas les tables d’un projet&#xa0;: il n’a jamais été terminé ou il est endommagé</translation>
    </message>
    <message>
        <source>{path}: is in use by another window or command; try again in a moment</source>
        <translation>{path}&#xa0;: est utilisé par une autre fenêtre ou commande&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <source>the project is in use by another window or command; try again in a moment</source>
        <translation>le projet est utilisé par une autre fenêtre ou commande&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <source>{path}: is not a Framing Annotator project file (SQLite cannot read it as a database)</source>
        <translation>{path}&#xa0;: n’est pas un fichier de projet Framing Annotator (SQLite ne peut pas le lire comme une base de données)</translation>
    </message>
    <message>
        <source>{path}: cannot be read: the disk reported an error ({detail}); try again, or copy the file to another disk</source>
        <translation>{path}&#xa0;: ne peut pas être lu&#xa0;: le disque a signalé une erreur ({detail})&#xa0;; réessayez, ou copiez le fichier sur un autre disque</translation>
    </message>
    <message>
        <source>{path}: cannot be opened ({detail})</source>
        <translation>{path}&#xa0;: ne peut pas être ouvert ({detail})</translation>
    </message>
    <message>
        <source>cannot merge {name}: it brings {n} new labels and attributes, more than the {m} a merge takes unless told otherwise; nothing was merged</source>
        <translation>impossible de fusionner {name}&#xa0;: il apporte {n} nouvelles étiquettes et nouveaux attributs, plus que les {m} qu’une fusion accepte sans accord explicite&#xa0;; rien n’a été fusionné</translation>
    </message>
    <message>
        <source>cannot merge {name}: it is not a package but a copy of a whole project, and it changes or deletes existing work ({listed}); such a copy should be merged only if it comes from someone trusted with everyone&apos;s work; nothing was merged</source>
        <translation>impossible de fusionner {name}&#xa0;: ce n’est pas un paquet mais la copie d’un projet entier, et elle modifie ou supprime du travail existant ({listed})&#xa0;; une telle copie ne devrait être fusionnée que si elle vient d’une personne à qui l’on confie le travail de tous&#xa0;; rien n’a été fusionné</translation>
    </message>
    <message>
        <source>is {size}, over the {limit} MB limit per article</source>
        <translation>fait {size}, au-delà de la limite de {limit}&#xa0;Mo par article</translation>
    </message>
    <message>
        <source>{where}: the article is {size}, over the {limit} MB limit per article</source>
        <translation>{where}&#xa0;: l’article fait {size}, au-delà de la limite de {limit}&#xa0;Mo par article</translation>
    </message>
    <message>
        <source>would add more than {n} new labels to the codebook ({shown}); check that this is the file you meant</source>
        <translation>ajouterait plus de {n} nouvelles étiquettes à la grille de codage ({shown})&#xa0;; vérifiez qu’il s’agit bien du fichier voulu</translation>
    </message>
    <message>
        <source>{problem}; to get your work back, choose File &gt; Restore a backup…</source>
        <translation>{problem}&#xa0;; pour retrouver votre travail, choisissez Fichier &gt; Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>{problem}; to get your work back, open it again and choose Restore a backup…</source>
        <translation>{problem}&#xa0;; pour retrouver votre travail, ouvrez-le de nouveau et choisissez Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>{problem}; split it into smaller files to import it</source>
        <translation>{problem}&#xa0;; découpez-le en fichiers plus petits pour l’importer</translation>
    </message>
    <message>
        <source>exact F1</source>
        <translation>F1 exact</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 de chevauchement</translation>
    </message>
    <message>
        <source>character kappa</source>
        <translation>kappa par caractère</translation>
    </message>
    <message>
        <source>other annotators&apos; work</source>
        <translation>le travail des autres annotateurs</translation>
    </message>
    <message>
        <source>the gold standard</source>
        <translation>la référence</translation>
    </message>
    <message>
        <source>none</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>nominal</source>
        <translation>nominal</translation>
    </message>
    <message>
        <source>ordinal</source>
        <translation>ordinal</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>d’intervalle</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>de rapport</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>à la main</translation>
    </message>
    <message>
        <source>accepted suggestions</source>
        <translation>suggestions acceptées</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importés</translation>
    </message>
    <message>
        <source>adjudication</source>
        <translation>arbitrage</translation>
    </message>
    <message>
        <source>{name}&apos;s work</source>
        <translation>le travail de {name}</translation>
    </message>
</context>
<context>
    <name>ModelAgreementPage</name>
    <message>
        <source>&lt;b&gt;The model and the detectors as coders.&lt;/b&gt; The model&apos;s spans and answers for an article come from a model trained on the other articles only (5-fold cross-validation), so these figures say how far it would agree with each annotator on articles it never saw. Compare them with the annotators&apos; agreement among themselves before letting the model pre-annotate. The filters on the left apply.</source>
        <translation>&lt;b&gt;Le modèle et les détecteurs comme codeurs.&lt;/b&gt; Les segments et réponses du modèle pour un article viennent d’un modèle entraîné sur les autres articles seulement (validation croisée en 5 parties)&#xa0;: ces chiffres disent jusqu’où il s’accorderait avec chaque annotateur sur des articles qu’il n’a jamais vus. Comparez-les à l’accord des annotateurs entre eux avant de laisser le modèle pré-annoter. Les filtres de gauche s’appliquent.</translation>
    </message>
    <message>
        <source>The model (trained five times: takes a while)</source>
        <translation>Le modèle (entraîné cinq fois&#xa0;: prend un moment)</translation>
    </message>
    <message>
        <source>The detectors</source>
        <translation>Les détecteurs</translation>
    </message>
    <message>
        <source>Score the machines</source>
        <translation>Évaluer les machines</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Label shown</source>
        <translation>Étiquette affichée</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Unitizing α [95% CI]</source>
        <translation>α d’unitisation [IC 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 exact</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 chevauchement</translation>
    </message>
    <message>
        <source>Span agreement of the machines with each annotator</source>
        <translation>Accord des machines avec chaque annotateur sur les segments</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α [95% CI]</source>
        <translation>α de Krippendorff [IC 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Percent agreement</source>
        <translation>Pourcentage d’accord</translation>
    </message>
    <message>
        <source>Answers of the model and of each annotator</source>
        <translation>Réponses du modèle et de chaque annotateur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Detectors</source>
        <translation>Détecteurs</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Choose the model, the detectors, or both.</source>
        <translation>Choisissez le modèle, les détecteurs, ou les deux.</translation>
    </message>
    <message>
        <source>Scoring the model and the detectors…</source>
        <translation>Évaluation du modèle et des détecteurs…</translation>
    </message>
    <message>
        <source>All labels together</source>
        <translation>Toutes les étiquettes ensemble</translation>
    </message>
    <message>
        <source>Annotators among themselves</source>
        <translation>Annotateurs entre eux</translation>
    </message>
    <message>
        <source>Spans: the annotator&apos;s, then the machine&apos;s (among annotators: each one&apos;s). Among annotators, F1 is a mean over pairs.</source>
        <translation>Segments&#xa0;: ceux de l’annotateur, puis ceux de la machine (entre annotateurs&#xa0;: ceux de chacun). Entre annotateurs, le F1 est une moyenne sur les paires.</translation>
    </message>
    <message>
        <source>Model and detectors</source>
        <translation>Modèle et détecteurs</translation>
    </message>
</context>
<context>
    <name>NewAttributeDialog</name>
    <message>
        <source>New span attribute</source>
        <translation>Nouvel attribut de segment</translation>
    </message>
    <message>
        <source>One choice per line</source>
        <translation>Un choix par ligne</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation>Choix&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PairsPage</name>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Span label</source>
        <translation>Étiquette de segment</translation>
    </message>
    <message>
        <source>Spans of</source>
        <translation>Segments de</translation>
    </message>
    <message>
        <source>Pairwise agreement heatmap</source>
        <translation>Carte de chaleur de l’accord par paires</translation>
    </message>
    <message>
        <source>all labels</source>
        <translation>toutes les étiquettes</translation>
    </message>
    <message>
        <source>Spans: exact F1</source>
        <translation>Segments&#xa0;: F1 exact</translation>
    </message>
    <message>
        <source>Spans: overlap F1</source>
        <translation>Segments&#xa0;: F1 par chevauchement</translation>
    </message>
    <message>
        <source>Spans: character kappa</source>
        <translation>Segments&#xa0;: kappa par caractère</translation>
    </message>
    <message>
        <source>linear weights</source>
        <translation>pondération linéaire</translation>
    </message>
    <message>
        <source>quadratic weights</source>
        <translation>pondération quadratique</translation>
    </message>
    <message>
        <source>%1: Cohen&apos;s kappa</source>
        <translation>%1&#xa0;: kappa de Cohen</translation>
    </message>
    <message>
        <source>documents coded by both</source>
        <translation>documents codés par les deux</translation>
    </message>
    <message>
        <source>documents answered by both</source>
        <translation>documents auxquels les deux ont répondu</translation>
    </message>
    <message>
        <source>answers to the question</source>
        <translation>réponses à la question</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; for every pair of annotators (%2). Spans: over the documents both coded, laid end to end. Darker blue is closer agreement; orange is below chance.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; pour chaque paire d’annotateurs (%2). Segments&#xa0;: sur les documents codés par les deux, mis bout à bout. Plus le bleu est foncé, plus l’accord est fort&#xa0;; l’orange signale un accord inférieur au hasard.</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.framing);;All files (*)</source>
        <translation>Projets Framing Annotator (*.framing);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.framing)</source>
        <translation>Projets Framing Annotator (*.framing)</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Level of measurement</source>
        <translation>Niveau de mesure</translation>
    </message>
    <message>
        <source>Several answers allowed</source>
        <translation>Plusieurs réponses permises</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>Add choice…</source>
        <translation>Ajouter un choix…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Niveau&#xa0;:</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (archivé)</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>New choice</source>
        <translation>Nouveau choix</translation>
    </message>
    <message>
        <source>Rename choice</source>
        <translation>Renommer le choix</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>(not answered)</source>
        <translation>(sans réponse)</translation>
    </message>
    <message>
        <source>Note on the answer to %s</source>
        <translation>Note sur la réponse à %s</translation>
    </message>
    <message>
        <source>Add a note on your answer (why this answer)</source>
        <translation>Ajouter une note sur votre réponse (pourquoi cette réponse)</translation>
    </message>
    <message>
        <source>Answer first, then add a note</source>
        <translation>Répondez d’abord, puis ajoutez une note</translation>
    </message>
    <message>
        <source>(not answered; model: %1, %2)</source>
        <translation>(sans réponse&#xa0;; modèle&#xa0;: %1, %2)</translation>
    </message>
    <message>
        <source>The model learnt from this project&apos;s answers proposes “%1” (sure at %2); choose it to answer.</source>
        <translation>Le modèle appris des réponses de ce projet propose «&#xa0;%1&#xa0;» (sûr à %2)&#xa0;; choisissez-la pour répondre.</translation>
    </message>
    <message>
        <source>%s (retired)</source>
        <translation>%s (archivé)</translation>
    </message>
</context>
<context>
    <name>ReaderInput</name>
    <message>
        <source>suggestion</source>
        <translation>suggestion</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article text</source>
        <translation>Texte de l’article</translation>
    </message>
    <message>
        <source>Select words, then press a label&apos;s key to annotate them.</source>
        <translation>Sélectionnez des mots, puis appuyez sur la touche d’une étiquette pour les annoter.</translation>
    </message>
</context>
<context>
    <name>ReportPages</name>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α [95% CI]</source>
        <translation>α de Krippendorff [IC 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Fleiss&apos; κ</source>
        <translation>κ de Fleiss</translation>
    </message>
    <message>
        <source>Percent agreement</source>
        <translation>Pourcentage d’accord</translation>
    </message>
    <message>
        <source>Agreement per question</source>
        <translation>Accord par question</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha per question with 95% intervals</source>
        <translation>Alpha de Krippendorff par question, avec intervalles à 95&#xa0;%</translation>
    </message>
    <message>
        <source>Spans by label</source>
        <translation>Segments par étiquette</translation>
    </message>
    <message>
        <source>Hide labels no annotator used</source>
        <translation>Masquer les étiquettes qu’aucun annotateur n’a utilisées</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>segments</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Unitizing α [95% CI]</source>
        <translation>α d’unitisation [IC 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 exact</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 par chevauchement</translation>
    </message>
    <message>
        <source>Character κ</source>
        <translation>κ par caractère</translation>
    </message>
    <message>
        <source>Span agreement per label</source>
        <translation>Accord sur les segments par étiquette</translation>
    </message>
    <message>
        <source>Label confusion</source>
        <translation>Confusion entre étiquettes</translation>
    </message>
    <message>
        <source>Label confusion table</source>
        <translation>Tableau de confusion des étiquettes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Unitizing α</source>
        <translation>α d’unitisation</translation>
    </message>
    <message>
        <source>Coders (spans)</source>
        <translation>Codeurs (segments)</translation>
    </message>
    <message>
        <source>Documents ranked by disagreement</source>
        <translation>Documents classés par désaccord</translation>
    </message>
    <message>
        <source>Note on %s</source>
        <translation>Remarque sur %s</translation>
    </message>
    <message>
        <source>&lt;b&gt;Document-level questions.&lt;/b&gt; Krippendorff&apos;s alpha at each question&apos;s level of measurement, Fleiss&apos; kappa over the documents every coder answered, percent agreement over pairs. Units: documents with two or more answers.</source>
        <translation>&lt;b&gt;Questions sur les documents.&lt;/b&gt; Alpha de Krippendorff au niveau de mesure de chaque question, kappa de Fleiss sur les documents auxquels tous les codeurs ont répondu, pourcentage d’accord par paires. Unités&#xa0;: les documents ayant au moins deux réponses.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No document-level question&lt;/b&gt; in the chosen labels.</source>
        <translation>&lt;b&gt;Aucune question sur les documents&lt;/b&gt; parmi les étiquettes choisies.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unitizing alpha per label&lt;/b&gt; over the %1 document(s) every annotator coded, with 95% bootstrap intervals (documents resampled). Dashed lines: 0.667 (tentative) and 0.800 (reliable). F1 and character kappa are means over pairs of annotators.</source>
        <translation>&lt;b&gt;Alpha d’unitisation par étiquette&lt;/b&gt; sur le ou les %1 document(s) codé(s) par tous les annotateurs, avec intervalles bootstrap à 95&#xa0;% (rééchantillonnage des documents). Lignes pointillées&#xa0;: 0,667 (provisoire) et 0,800 (fiable). Le F1 et le kappa par caractère sont des moyennes sur les paires d’annotateurs.</translation>
    </message>
    <message>
        <source>Span origins: %1.</source>
        <translation>Origine des segments&#xa0;: %1.</translation>
    </message>
    <message>
        <source>(no span)</source>
        <translation>(aucun segment)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Label confusion.&lt;/b&gt; Each cell counts spans of two annotators that overlap: on the diagonal with the same label, elsewhere with different labels (orange). “(no span)”: a span the other annotator did not overlap at all. Labels no annotator used are left out.</source>
        <translation>&lt;b&gt;Confusion entre étiquettes.&lt;/b&gt; Chaque case compte les segments de deux annotateurs qui se chevauchent&#xa0;: sur la diagonale avec la même étiquette, ailleurs avec des étiquettes différentes (en orange). «&#xa0;(aucun segment)&#xa0;»&#xa0;: un segment que l’autre annotateur n’a pas du tout chevauché. Les étiquettes qu’aucun annotateur n’a utilisées sont omises.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Label confusion.&lt;/b&gt; No overlapping spans to compare.</source>
        <translation>&lt;b&gt;Confusion entre étiquettes.&lt;/b&gt; Aucun segment chevauchant à comparer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Documents ranked by disagreement&lt;/b&gt;: lowest unitizing alpha first, then lowest exact F1. Double-click to open the disagreement browser.</source>
        <translation>&lt;b&gt;Documents classés par désaccord&lt;/b&gt;&#xa0;: alpha d’unitisation le plus bas d’abord, puis F1 exact le plus bas. Double-cliquez pour ouvrir le navigateur des désaccords.</translation>
    </message>
</context>
<context>
    <name>RetrievalWindow</name>
    <message>
        <source>Coded segments</source>
        <translation>Segments codés</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotateur</translation>
    </message>
    <message>
        <source>With sub-labels</source>
        <translation>Avec les sous-étiquettes</translation>
    </message>
    <message>
        <source>Go to the article</source>
        <translation>Aller à l’article</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>Annotateur&#xa0;:</translation>
    </message>
    <message>
        <source>Coding is blind in this project: you see your own segments.</source>
        <translation>Le codage est en aveugle dans ce projet&#xa0;: vous voyez vos propres segments.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>No span label in the codebook.</source>
        <translation>Aucune étiquette de segment dans la grille de codage.</translation>
    </message>
    <message>
        <source>%1 segment(s) in %2 article(s)</source>
        <translation>%1 segment(s) dans %2 article(s)</translation>
    </message>
    <message>
        <source>Export the segments</source>
        <translation>Exporter les segments</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>%1 segment(s) written to %2</source>
        <translation>%1 segment(s) écrit(s) dans %2</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Reading the annotations…</source>
        <translation>Lecture des annotations…</translation>
    </message>
    <message>
        <source>Computing agreement and bootstrap intervals…</source>
        <translation>Calcul de l’accord et des intervalles bootstrap…</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>Calcul de l’accord…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Révision</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>&amp;Accord inter-annotateurs…</translation>
    </message>
    <message>
        <source>&amp;Disagreements and adjudication…</source>
        <translation>&amp;Désaccords et arbitrage…</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Coding is blind in this project: only the project lead compares annotators.</source>
        <translation>Le codage est à l’aveugle dans ce projet&#xa0;: seul le responsable du projet compare les annotateurs.</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Désaccords</translation>
    </message>
    <message>
        <source>Coding is blind in this project: only the project lead compares annotators&apos; spans.</source>
        <translation>Le codage se fait en aveugle dans ce projet&#xa0;: seul le responsable du projet compare les segments des annotateurs.</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotateur</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the app starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <source> pt</source>
        <translation>&#xa0;pt</translation>
    </message>
    <message>
        <source>Article text size</source>
        <translation>Taille du texte des articles</translation>
    </message>
    <message>
        <source>System size</source>
        <translation>Taille du système</translation>
    </message>
    <message>
        <source>Interface text size</source>
        <translation>Taille du texte de l’interface</translation>
    </message>
    <message>
        <source>High contrast (black on white, strong focus frames)</source>
        <translation>Contraste élevé (noir sur blanc, cadre de focus marqué)</translation>
    </message>
    <message>
        <source>Snap selections to whole words</source>
        <translation>Étendre les sélections aux mots entiers</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l’interface&#xa0;:</translation>
    </message>
    <message>
        <source>Article text size:</source>
        <translation>Taille du texte des articles&#xa0;:</translation>
    </message>
    <message>
        <source>Interface text size:</source>
        <translation>Taille du texte de l’interface&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ShortcutRules</name>
    <message>
        <source>copying text</source>
        <translation>copier du texte</translation>
    </message>
    <message>
        <source>cutting text</source>
        <translation>couper du texte</translation>
    </message>
    <message>
        <source>pasting text</source>
        <translation>coller du texte</translation>
    </message>
    <message>
        <source>selecting all the text</source>
        <translation>tout sélectionner</translation>
    </message>
    <message>
        <source>opening the %1 menu</source>
        <translation>ouvrir le menu %1</translation>
    </message>
    <message>
        <source>%1 is already used for %2, which would take the key before the text does; choose another key</source>
        <translation>%1 sert déjà à %2, qui prendrait la touche avant le texte&#xa0;; choisissez une autre touche</translation>
    </message>
</context>
<context>
    <name>SpanDialog</name>
    <message>
        <source>Span details</source>
        <translation>Détails du segment</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SpanListView</name>
    <message>
        <source>Spans in this document</source>
        <translation>Segments de ce document</translation>
    </message>
</context>
<context>
    <name>SuggestionDecisionNames</name>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accepter %n suggestion</numerusform>
            <numerusform>Accepter %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n suggestion(s)</source>
        <translation>
            <numerusform>Rejeter %n suggestion</numerusform>
            <numerusform>Rejeter %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionHandling</name>
    <message>
        <source>no label yet</source>
        <translation>pas encore d’étiquette</translation>
    </message>
    <message>
        <source>Suggested: %1 → %2 (Enter accepts, Delete rejects, a label key relabels)</source>
        <translation>Suggéré&#xa0;: %1 → %2 (Entrée accepte, Suppr rejette, une touche d’étiquette change l’étiquette)</translation>
    </message>
</context>
<context>
    <name>SuggestionKinds</name>
    <message>
        <source>Direct quote</source>
        <translation>Citation directe</translation>
    </message>
    <message>
        <source>Scare quote</source>
        <translation>Guillemets de distance</translation>
    </message>
    <message>
        <source>Cited name</source>
        <translation>Nom cité</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>Neutral reporting verb</source>
        <translation>Verbe introducteur neutre</translation>
    </message>
    <message>
        <source>Loaded reporting verb</source>
        <translation>Verbe introducteur connoté</translation>
    </message>
    <message>
        <source>Hedge</source>
        <translation>Atténuateur</translation>
    </message>
    <message>
        <source>Intensifier</source>
        <translation>Intensif</translation>
    </message>
    <message>
        <source>Distancing label</source>
        <translation>Marqueur de distance</translation>
    </message>
    <message>
        <source>Loaded term</source>
        <translation>Terme connoté</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
</context>
<context>
    <name>SuggestionListModel</name>
    <message>
        <source>Found</source>
        <translation>Repéré</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Devient</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Sûr</translation>
    </message>
    <message>
        <source>A detector&apos;s kind of device, or “Model”: the model that learns from the annotations</source>
        <translation>Le type de procédé d’un détecteur, ou «&#xa0;Modèle&#xa0;»&#xa0;: le modèle qui apprend des annotations</translation>
    </message>
    <message>
        <source>How sure the detector or the model is (the model&apos;s confidence is learnt from the annotations; the detectors&apos; is a fixed estimate per rule)</source>
        <translation>Le degré de certitude du détecteur ou du modèle (celle du modèle est apprise des annotations&#xa0;; celle des détecteurs est une estimation fixe par règle)</translation>
    </message>
    <message>
        <source>(choose a label)</source>
        <translation>(choisir une étiquette)</translation>
    </message>
    <message>
        <source>Recommended by the model learnt from this project&apos;s annotations; sure at %s</source>
        <translation>Recommandé par le modèle appris des annotations de ce projet&#xa0;; sûr à %s</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Accept the selected suggestion (Enter)</source>
        <translation>Accepter la suggestion sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Accept with this label</source>
        <translation>Accepter avec cette étiquette</translation>
    </message>
    <message>
        <source>Accept as</source>
        <translation>Accepter comme</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Reject the selected suggestion (Delete)</source>
        <translation>Rejeter la suggestion sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Accept all of this kind</source>
        <translation>Accepter toutes celles de ce type</translation>
    </message>
    <message>
        <source>Reject all of this kind</source>
        <translation>Rejeter toutes celles de ce type</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to review</source>
        <translation>
            <numerusform>%n suggestion à examiner</numerusform>
            <numerusform>%n suggestions à examiner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Summaries</name>
    <message>
        <source>  … and %1 more</source>
        <translation>  … et %1 de plus</translation>
    </message>
    <message>
        <source>Imported %1 document(s) from %2 file(s).</source>
        <translation>%1 document(s) importé(s) de %2 fichier(s).</translation>
    </message>
    <message>
        <source>With them: %1 span(s) and %2 document answer(s).</source>
        <translation>Avec eux&#xa0;: %1 segment(s) et %2 réponse(s) sur les documents.</translation>
    </message>
    <message>
        <source>New labels added to the codebook (marked imported): %1.</source>
        <translation>Nouvelles étiquettes ajoutées à la grille de codage (marquées importées)&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 document(s) already in the project, not added again:</source>
        <translation>%1 document(s) déjà dans le projet, non ajouté(s) de nouveau&#xa0;:</translation>
    </message>
    <message>
        <source>%1 span(s) were already in the project and were not added again.</source>
        <translation>%1 segment(s) étaient déjà dans le projet et n’ont pas été ajoutés de nouveau.</translation>
    </message>
    <message>
        <source>Not imported from the files (no place for it in the project):</source>
        <translation>Non importé des fichiers (sans place dans le projet)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 file(s) refused:</source>
        <translation>%1 fichier(s) refusé(s)&#xa0;:</translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>(sans extension)</translation>
    </message>
    <message>
        <source>%1 file(s) in folders skipped, not an article format: %2.</source>
        <translation>%1 fichier(s) des dossiers ignoré(s), pas dans un format d’article&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Import stopped: %1. The files above were imported.</source>
        <translation>Import arrêté&#xa0;: %1. Les fichiers ci-dessus ont été importés.</translation>
    </message>
    <message>
        <source>%1 file(s) after it were not tried.</source>
        <translation>%1 fichier(s) suivant(s) n’ont pas été essayés.</translation>
    </message>
    <message>
        <source>Import cancelled: the files above were imported; the rest were not.</source>
        <translation>Import annulé&#xa0;: les fichiers ci-dessus ont été importés&#xa0;; les autres non.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export annulé&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>the codebook</source>
        <translation>la grille de codage</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 documents</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>%1 segments</translation>
    </message>
    <message>
        <source>%1 document labels</source>
        <translation>%1 réponses sur les documents</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>nothing selected</source>
        <translation>rien de sélectionné</translation>
    </message>
    <message>
        <source>Exported %1 to %2 (%3 s).</source>
        <translation>%1 exporté(s) vers %2 (%3 s).</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention&#xa0;: %1</translation>
    </message>
    <message>
        <source>Merged %1:</source>
        <translation>Fusion de %1&#xa0;:</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>segments</translation>
    </message>
    <message>
        <source>document labels</source>
        <translation>réponses sur les documents</translation>
    </message>
    <message>
        <source>assignments</source>
        <translation>attributions</translation>
    </message>
    <message>
        <source>memos</source>
        <translation>mémos</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 deleted</source>
        <translation>%1&#xa0;: %2 ajouté(s), %3 mis à jour, %4 supprimé(s)</translation>
    </message>
    <message>
        <source>documents: %1 added, %2 already in the project</source>
        <translation>documents&#xa0;: %1 ajouté(s), %2 déjà dans le projet</translation>
    </message>
    <message>
        <source>annotators added: %1</source>
        <translation>annotateurs ajoutés&#xa0;: %1</translation>
    </message>
    <message>
        <source>unknown labels: %1 (added to the codebook, marked imported)</source>
        <translation>étiquettes inconnues&#xa0;: %1 (ajoutées à la grille de codage, marquées importées)</translation>
    </message>
    <message>
        <source>labels differing: %1 (the project&apos;s definition was kept)</source>
        <translation>étiquettes différentes&#xa0;: %1 (la définition du projet est gardée)</translation>
    </message>
    <message>
        <source>conflicts: %1</source>
        <translation>conflits&#xa0;: %1</translation>
    </message>
    <message>
        <source>the file&apos;s</source>
        <translation>la modification du fichier</translation>
    </message>
    <message>
        <source>the project&apos;s</source>
        <translation>la modification du projet</translation>
    </message>
    <message>
        <source>%1 %2: kept %3 edit of %4, discarded the edit of %5</source>
        <translation>%1 %2&#xa0;: gardé %3 du %4, écarté la modification du %5</translation>
    </message>
    <message>
        <source>nothing new: the project already holds this work</source>
        <translation>rien de nouveau&#xa0;: le projet a déjà ce travail</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>&amp;Team</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Change annotator…</source>
        <translation>&amp;Changer d’annotateur…</translation>
    </message>
    <message>
        <source>A&amp;nnotators…</source>
        <translation>A&amp;nnotateurs…</translation>
    </message>
    <message>
        <source>I am the project &amp;lead…</source>
        <translation>Je suis &amp;responsable du projet…</translation>
    </message>
    <message>
        <source>&amp;Blind coding (annotators see only their own work)</source>
        <translation>Codage en &amp;aveugle (chacun ne voit que son propre travail)</translation>
    </message>
    <message>
        <source>&amp;Show other annotators&apos; spans</source>
        <translation>Afficher les segments des autres a&amp;nnotateurs</translation>
    </message>
    <message>
        <source>&amp;Progress…</source>
        <translation>A&amp;vancement…</translation>
    </message>
    <message>
        <source>&amp;Assign documents…</source>
        <translation>Ré&amp;partir les documents…</translation>
    </message>
    <message>
        <source>Create a &amp;package for an annotator…</source>
        <translation>Créer un &amp;lot pour un annotateur…</translation>
    </message>
    <message>
        <source>&amp;Merge annotators&apos; files…</source>
        <translation>&amp;Fusionner les fichiers des annotateurs…</translation>
    </message>
    <message>
        <source>Change annotator</source>
        <translation>Changer d’annotateur</translation>
    </message>
    <message>
        <source>Annotate as:</source>
        <translation>Annoter en tant que&#xa0;:</translation>
    </message>
    <message>
        <source>Project lead</source>
        <translation>Responsable du projet</translation>
    </message>
    <message>
        <source>%1 is a project lead and sees every annotator&apos;s work. Go on as %1?</source>
        <translation>%1 est responsable du projet et voit le travail de tous les annotateurs. Continuer en tant que %1&#xa0;?</translation>
    </message>
    <message>
        <source>%1 leads this project. Only a lead gives the lead role to someone else (Team &gt; Annotators…).</source>
        <translation>%1 dirige ce projet. Seul un responsable confie ce rôle à quelqu’un d’autre (Équipe &gt; Annotateurs…).</translation>
    </message>
    <message>
        <source>The lead sees every annotator&apos;s work and manages blind coding, assignments and merging. Take the lead role as %s?</source>
        <translation>Le responsable voit le travail de chaque annotateur et gère le codage en aveugle, la répartition et la fusion. Prendre le rôle de responsable en tant que %s&#xa0;?</translation>
    </message>
    <message>
        <source>Blind coding</source>
        <translation>Codage à l’aveugle</translation>
    </message>
    <message>
        <source>Merge it anyway?</source>
        <translation>Le fusionner quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>%1 documents finished by every assigned annotator; %2 documents not assigned.</source>
        <translation>%1 documents terminés par tous les annotateurs assignés&#xa0;; %2 documents non attribués.</translation>
    </message>
    <message>
        <source>No documents are assigned yet (Team &gt; Assign documents…).</source>
        <translation>Aucun document n’est encore attribué (Équipe &gt; Répartir les documents…).</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotateur</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribués</translation>
    </message>
    <message>
        <source>Progress by annotator</source>
        <translation>Avancement par annotateur</translation>
    </message>
    <message>
        <source>Progress by document and annotator</source>
        <translation>Avancement par document et par annotateur</translation>
    </message>
    <message>
        <source>By annotator</source>
        <translation>Par annotateur</translation>
    </message>
    <message>
        <source>By article</source>
        <translation>Par article</translation>
    </message>
    <message>
        <source>%1 documents to plan, %2 of them shared (the agreement sample).</source>
        <translation>%1 documents à répartir, dont %2 partagés (l’échantillon d’accord).</translation>
    </message>
    <message>
        <source>%1 documents left out: assigned already.</source>
        <translation>%1 documents laissés de côté&#xa0;: déjà attribués.</translation>
    </message>
    <message>
        <source>Documents assigned</source>
        <translation>Documents attribués</translation>
    </message>
    <message>
        <source>%1 documents assigned, %2 of them to %3 annotators each (the agreement sample).</source>
        <translation>%1 documents attribués, dont %2 à %3 annotateurs chacun (l’échantillon d’accord).</translation>
    </message>
    <message>
        <source>New documents</source>
        <translation>Nouveaux documents</translation>
    </message>
    <message>
        <source>In all</source>
        <translation>En tout</translation>
    </message>
    <message>
        <source>Documents per annotator</source>
        <translation>Documents par annotateur</translation>
    </message>
    <message>
        <source>Documents shared</source>
        <translation>Documents partagés</translation>
    </message>
    <message>
        <source>Overlap between annotators</source>
        <translation>Recouvrement entre annotateurs</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Recouvrement</translation>
    </message>
    <message>
        <source>Documents left out</source>
        <translation>Documents laissés de côté</translation>
    </message>
    <message>
        <source>%1: assigned already to %2</source>
        <translation>%1&#xa0;: déjà attribué à %2</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Laissés de côté</translation>
    </message>
    <message>
        <source>%1 documents were planned though someone had opened them without an assignment (%2).</source>
        <translation>%1 documents ont été répartis bien que quelqu’un les ait ouverts sans attribution (%2).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Affiché comme</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Make lead</source>
        <translation>Nommer responsable</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>annotateur</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>Only the project lead (%1) changes the team.</source>
        <translation>Seul le responsable du projet (%1) modifie l’équipe.</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Make annotator</source>
        <translation>Rendre annotateur</translation>
    </message>
    <message>
        <source>Add an annotator</source>
        <translation>Ajouter un annotateur</translation>
    </message>
    <message>
        <source>Name (their work is recorded under it):</source>
        <translation>Nom (son travail est enregistré sous ce nom)&#xa0;:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Show %1 as (their work stays recorded under %1):</source>
        <translation>Afficher %1 comme (son travail reste enregistré sous %1)&#xa0;:</translation>
    </message>
    <message>
        <source>The lead sees every annotator&apos;s work, even under blind coding. Make %1 a lead?</source>
        <translation>Le responsable voit le travail de tous les annotateurs, même en codage à l’aveugle. Nommer %1 responsable&#xa0;?</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Assign documents</source>
        <translation>Répartir les documents</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Annotateurs</translation>
    </message>
    <message>
        <source> (lead)</source>
        <translation> (responsable)</translation>
    </message>
    <message>
        <source>Coders per shared document</source>
        <translation>Codeurs par document partagé</translation>
    </message>
    <message>
        <source>Share of documents coded by several (agreement sample)</source>
        <translation>Part des documents codés par plusieurs (échantillon pour l’accord)</translation>
    </message>
    <message>
        <source>Seed (same seed, same plan)</source>
        <translation>Graine (même graine, même répartition)</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Package for annotator:</source>
        <translation>Lot pour l’annotateur&#xa0;:</translation>
    </message>
    <message>
        <source>Save package</source>
        <translation>Enregistrer le lot</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.framing)</source>
        <translation>Projets Framing Annotator (*.framing)</translation>
    </message>
    <message>
        <source>Package written to %s</source>
        <translation>Lot enregistré dans %s</translation>
    </message>
    <message>
        <source>Merge annotators&apos; files</source>
        <translation>Fusionner les fichiers des annotateurs</translation>
    </message>
    <message>
        <source>Framing Annotator projects (*.framing);;All files (*)</source>
        <translation>Projets Framing Annotator (*.framing);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%s: not merged.</source>
        <translation>%s&#xa0;: non fusionné.</translation>
    </message>
    <message>
        <source>Merge report</source>
        <translation>Rapport de fusion</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Other annotators&apos; spans (dashed lines): %s</source>
        <translation>Segments des autres annotateurs (traits tiretés)&#xa0;: %s</translation>
    </message>
    <message>
        <source>No other annotator has spans in this article.</source>
        <translation>Aucun autre annotateur n’a de segment dans cet article.</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <source>Undone: %s</source>
        <translation>Annulé&#xa0;: %s</translation>
    </message>
    <message>
        <source>Redone: %s</source>
        <translation>Rétabli&#xa0;: %s</translation>
    </message>
</context>
</TS>
