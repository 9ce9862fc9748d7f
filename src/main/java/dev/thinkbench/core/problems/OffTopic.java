package dev.thinkbench.core.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes of prompts outside the micro model's task for {@link NonProblemGenerator}, with slots ({@code {country}},
 * {@code {n}} a number, ...). Immutable; any thread.
 */
final class OffTopic {

    static final List<String> QUESTIONS = List.of(
            "What is the capital of {country}?", "What is the capital city of {country}?",
            "Which country is {city} in?", "Who wrote {book}?", "Who invented the {invention}?",
            "When was the {invention} invented?", "Why do {animals} {habit}?", "Where do {animals} live?",
            "What do {animals} eat?", "How do {animals} sleep?", "What color is a {fruit}?",
            "How many legs does a {animal} have?", "How many moons does {planet} have?",
            "How big is {planet}?", "What is the weather like in {city}?", "What is {concept}?",
            "Can you explain {concept}?", "How does {concept} work?", "Why is the {natural} {color}?",
            "What is the biggest {thing} in the world?", "What is the longest {river} in the world?",
            "Who is the president of {country}?", "What language is spoken in {country}?",
            "What time is it in {city}?", "Is a {fruit} a fruit or a vegetable?", "Are {animals} mammals?",
            "What is the opposite of {word}?", "What does the word {word} mean?", "How do you spell {word}?",
            "Who was {person}?", "Where was {person} born?", "What is the tallest {thing}?",
            "How old is the {natural}?", "Why do we have {season}?", "What happens in {season}?",
            "How hot is the sun?", "Why is the ocean salty?", "How do plants grow?", "What is a {animal}?",
            "Do {animals} have teeth?", "How fast can a {animal} run?", "What is the name of the {natural}?");
    static final List<String> MATH = List.of(
            "What is the square root of {n}?", "Is {n} a prime number?", "What is {n}% of {n}?",
            "Solve for x: {n}x + {n} = {n}.", "Solve {n}x - {n} = {n} for x.", "What is {n} squared?",
            "What is {n} to the power of {n}?", "Simplify the fraction {n}/{n}.", "What is {n}.{n} + {n}.{n}?",
            "Convert {n} inches to centimeters.", "What is the area of a circle with radius {n}?",
            "Find the derivative of x^{n}.", "What is the integral of {n}x?", "What is log base {n} of {n}?",
            "Is {n} even or odd?", "What is the greatest common divisor of {n} and {n}?",
            "Factor x^2 + {n}x + {n}.", "What is sin({n})?", "What is {n}/{n} as a decimal?",
            "Round {n}.{n} to the nearest whole number.", "How many degrees are in a triangle?",
            "What is pi?", "Prove that the square root of {n} is irrational.", "What is {n} factorial?");
    static final List<String> CHAT = List.of("Hello!", "Hey there.", "Hi, how is it going?", "Good evening!",
            "How are you?", "Who are you?", "What can you do?", "Thanks a lot!", "Nice to meet you.", "I love you.",
            "Can we talk?", "Are you smart?", "Do you dream?", "What do you like to do?", "See you later!",
            "Good night.", "I feel sad today.", "I'm so happy!", "Tell me about yourself.", "Are you alive?",
            "What's up?", "Yo", "ok", "Thank you!", "Please help me.", "Who made you?", "Do you have a dog?",
            "What is your favorite {fruit}?", "Do you like {animals}?", "Are you a computer?", "Can you sing?",
            "Let's play a game.", "I don't understand.", "Why?", "Hmm.", "test", "hello?", "Is anyone there?",
            "What should I name my {animal}?", "I like {animals}.");
    static final List<String> TASKS = List.of("Write a poem about {topic}.", "Write a short story about {topic}.",
            "Tell me a story about a {animal}.", "Tell me a fun fact about {animals}.", "Tell me something funny.",
            "Translate '{phrase}' into {language}.", "How do you say '{phrase}' in {language}?",
            "Summarize {book}.", "Write a song about {topic}.", "Give me ideas for {topic}.",
            "Write a letter to my {relative}.", "Help me with my {subject} homework.", "Teach me {subject}.",
            "Write code that prints hello world.", "Write a Java class for a {animal}.", "Fix my code.",
            "Make a list of {animals}.", "Name some {animals}.", "Describe {topic}.", "Draw a {animal}.",
            "Give me a recipe for {food}.", "How do I make {food}?", "Plan a trip to {city}.",
            "What should I wear today?", "Recommend a movie.", "Suggest a game to play.", "Write a haiku.",
            "Explain {concept} like I'm five.", "Check my spelling: I wnt to the prak.", "Rhyme with {word}.",
            "What is a good name for a {animal}?", "Sing me a song.", "Tell me a riddle.", "Quiz me on {subject}.");
    static final List<String> FOREIGN = List.of(
            "안녕하세요.", "오늘 날씨가 좋네요.", "이름이 뭐예요?", "{ko_name}는 사과 {n}개를 가지고 있습니다. {n}개를 먹었습니다. 남은 사과는 몇 개입니까?",
            "{ko_name}는 구슬 {n}개가 있습니다. 친구가 {n}개를 더 주었습니다. 구슬은 모두 몇 개입니까?",
            "{n} 더하기 {n}은 얼마입니까?", "{n} 빼기 {n}은?", "한국의 수도는 어디입니까?", "고맙습니다!",
            "무엇을 도와드릴까요?", "이 문제를 풀어 주세요.", "책을 {n}권 샀어요. 모두 몇 권이에요?", "저는 학생입니다.",
            "¿Cómo te llamas?", "Buenos días.", "¿Dónde está la biblioteca?", "{es_name} tiene {n} manzanas. Come {n}. ¿Cuántas le quedan?",
            "¿Cuánto es {n} más {n}?", "Gracias, amigo.", "Bonjour, ça va ?", "Où est la gare ?",
            "{fr_name} a {n} pommes. Il en mange {n}. Combien en reste-t-il ?", "Combien font {n} et {n} ?",
            "Merci beaucoup !", "Guten Morgen!", "Wie heißt du?", "{de_name} hat {n} Murmeln und bekommt {n} dazu. Wie viele hat er?",
            "Was ist {n} plus {n}?", "Danke schön!", "你好！", "今天天气怎么样？", "{n}加{n}等于多少？", "谢谢你。",
            "我有{n}个苹果，吃了{n}个。还剩几个？", "おはようございます。", "{n}たす{n}はいくつですか？", "ありがとう。",
            "りんごが{n}個あります。{n}個食べました。何個残っていますか？", "Buongiorno!", "Quanto fa {n} più {n}?",
            "Bom dia!", "Quanto é {n} mais {n}?", "Здравствуйте!", "Сколько будет {n} плюс {n}?", "Dzień dobry!",
            "Hoe gaat het?", "Merhaba, nasılsın?", "Xin chào!", "नमस्ते, आप कैसे हैं?", "مرحبا، كيف حالك؟");
    static final List<String> NON_NUMBER_QUESTIONS = List.of("What color are they?", "Who gave them to {name}?",
            "Where does {name} keep them?", "Why does {name} like them?", "What is the name of the shop?",
            "Is {name} happy?", "What day is it?", "Who is {name}'s best friend?", "Where did they come from?",
            "What will {name} do next?", "Which one is the biggest?", "Are they new or old?");

    static final Map<String, List<String>> SLOTS = new LinkedHashMap<>();

    static {
        SLOTS.put("{country}", List.of("Spain", "Italy", "Japan", "Canada", "Brazil", "Egypt", "Kenya", "Peru",
                "Norway", "Germany", "India", "Mexico", "Korea", "Australia", "Chile", "Poland", "Greece", "Ireland"));
        SLOTS.put("{city}", List.of("Paris", "Tokyo", "Cairo", "Lima", "Rome", "Seoul", "Oslo", "Madrid", "Sydney",
                "Toronto", "Berlin", "Nairobi", "Dublin", "Athens", "Busan"));
        SLOTS.put("{book}", List.of("Hamlet", "Don Quixote", "Pinocchio", "Peter Pan", "Little Women",
                "Treasure Island", "Moby Dick", "Heidi", "Frankenstein", "The Hobbit", "Snow White"));
        SLOTS.put("{invention}", List.of("light bulb", "airplane", "radio", "printing press", "bicycle", "computer",
                "internet", "camera", "wheel", "piano"));
        SLOTS.put("{animals}", List.of("cats", "dogs", "owls", "bats", "whales", "frogs", "bees", "ants",
                "penguins", "dolphins", "bears", "horses", "snakes", "rabbits", "sharks"));
        SLOTS.put("{animal}", List.of("cat", "dog", "horse", "spider", "octopus", "bird", "cheetah", "turtle",
                "snail", "lion", "starfish", "puppy", "hamster", "parrot"));
        SLOTS.put("{habit}", List.of("purr", "sleep so much", "migrate", "hibernate", "howl", "glow", "hum",
                "swim in groups", "lay eggs"));
        SLOTS.put("{fruit}", List.of("banana", "lemon", "kiwi", "plum", "cherry", "pumpkin", "pepper", "cucumber",
                "grape", "mango"));
        SLOTS.put("{planet}", List.of("Mars", "Jupiter", "Saturn", "Venus", "Earth", "Neptune", "Mercury"));
        SLOTS.put("{concept}", List.of("gravity", "electricity", "a volcano", "the water cycle", "democracy",
                "evolution", "a black hole", "an atom", "the internet", "friction", "a rainbow", "an eclipse",
                "a computer", "magnetism", "climate change", "a virus"));
        SLOTS.put("{natural}", List.of("sky", "sea", "grass", "sun", "moon", "snow", "earth", "desert"));
        SLOTS.put("{color}", List.of("blue", "green", "white", "red", "dark", "yellow"));
        SLOTS.put("{thing}", List.of("animal", "building", "tree", "mountain", "city", "desert", "lake", "bird",
                "fish", "country"));
        SLOTS.put("{river}", List.of("river", "wall", "bridge", "road", "train"));
        SLOTS.put("{word}", List.of("happy", "fast", "enormous", "quiet", "ancient", "brave", "light", "early",
                "dream", "wonder", "curious"));
        SLOTS.put("{person}", List.of("Albert Einstein", "Marie Curie", "Mozart", "Cleopatra", "Isaac Newton",
                "Frida Kahlo", "Nelson Mandela", "Leonardo da Vinci", "Ada Lovelace"));
        SLOTS.put("{season}", List.of("winter", "summer", "spring", "autumn", "night and day", "seasons"));
        SLOTS.put("{topic}", List.of("the sea", "a dragon", "friendship", "space", "my cat", "the rain",
                "a birthday party", "school", "autumn leaves", "a robot", "the moon", "a lost puppy"));
        SLOTS.put("{phrase}", List.of("hello", "thank you", "I love you", "good morning", "where is the station",
                "my name is Sam", "see you tomorrow"));
        SLOTS.put("{language}", List.of("Spanish", "French", "Korean", "German", "Japanese", "Italian", "Chinese"));
        SLOTS.put("{relative}", List.of("grandma", "teacher", "uncle", "best friend", "aunt", "coach"));
        SLOTS.put("{subject}", List.of("history", "science", "spelling", "geography", "music", "English",
                "reading", "art"));
        SLOTS.put("{food}", List.of("pancakes", "soup", "a sandwich", "pizza", "fried rice", "lemonade",
                "a salad", "cookies"));
        SLOTS.put("{name}", List.of("Ann", "Ben", "Maria", "Tom", "Lily", "Sam", "Zoe", "Leo"));
        SLOTS.put("{ko_name}", List.of("민수", "지수", "서연", "하준", "영희", "철수"));
        SLOTS.put("{es_name}", List.of("Ana", "Pablo", "Lucía", "Diego"));
        SLOTS.put("{fr_name}", List.of("Paul", "Marie", "Louis", "Chloé"));
        SLOTS.put("{de_name}", List.of("Max", "Lena", "Felix", "Mia"));
    }

    private OffTopic() {
    }
}
